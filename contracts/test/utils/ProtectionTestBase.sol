// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {PurchaseStatus} from "../../src/interfaces/MetaPoolTypes.sol";
import {MetaPoolTestBase} from "./MetaPoolTestBase.sol";

/// @notice The seeker tests' (SPEC §5, §6) shared MetaPool, three pools with the SPEC §9 parameters, and helpers.
abstract contract ProtectionTestBase is MetaPoolTestBase {
    address internal mp;

    function setUp() public override {
        super.setUp();
        mp = createPool(specParams(token, 3));
    }

    // ----- helpers -----

    function zeroRatePool(uint256 poolCount) internal returns (address pool) {
        pool = createPool(zeroRateParams(poolCount, 0));
    }

    function statusOf(address pool, uint256 purchaseId) internal view returns (PurchaseStatus) {
        return ext(pool).purchase(purchaseId).status;
    }
}
