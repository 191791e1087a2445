// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPoolParams} from "../../src/interfaces/MetaPoolTypes.sol";
import {MetaPoolTestBase} from "./MetaPoolTestBase.sol";

/// @notice Valid creation parameters and creating through the factory, for the `MetaPoolFactory` tests.
abstract contract FactoryTestBase is MetaPoolTestBase {
    /// @dev The SPEC §9 parameters with the arbiter set: valid as they stand.
    function validParams() internal view returns (MetaPoolParams memory p) {
        p = specParams(token, 3);
        p.arbiter = arbiter;
    }

    function expectCreateRevert(MetaPoolParams memory p, bytes memory err) internal {
        vm.expectRevert(err);
        vm.prank(creator);
        factory.createMetaPool(p);
    }

    function create(MetaPoolParams memory p) internal returns (address mp) {
        vm.prank(creator);
        mp = factory.createMetaPool(p);
    }
}
