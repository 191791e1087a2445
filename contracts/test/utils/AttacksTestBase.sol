// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPoolTestBase} from "./MetaPoolTestBase.sol";

/// @notice The attacker and the zero-rate MetaPool the attack tests share.
abstract contract AttacksTestBase is MetaPoolTestBase {
    address internal eve = makeAddr("eve");

    // ----- helpers -----

    function zeroRatePool(uint256 poolCount, uint16 payoutMultiple) internal returns (address pool) {
        pool = createPool(zeroRateParams(poolCount, payoutMultiple));
    }
}
