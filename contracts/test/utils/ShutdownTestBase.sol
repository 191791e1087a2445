// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Example1TestBase} from "./Example1TestBase.sol";

/// @notice What the shutdown tests (SPEC §8) share: example 1's premium speed, the arbiter's shutdown, fees.
abstract contract ShutdownTestBase is Example1TestBase {
    /// Example 1's speed per pool: r 3.25 % on P 800.
    uint256 internal constant EX1_SPEED = 0.0325e18 * uint256(800e18);

    function _shutdown(address mp) internal {
        vm.prank(arbiter);
        core(mp).shutdown();
    }

    function _toCapital(uint256 premium) internal pure returns (uint256) {
        return premium - 2 * feeOf(premium, 500);
    }
}
