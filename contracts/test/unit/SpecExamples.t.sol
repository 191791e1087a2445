// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {MetaPoolParams} from "../../src/interfaces/MetaPoolTypes.sol";
import {MetaPoolTestBase} from "../utils/MetaPoolTestBase.sol";

/// @notice SPEC §9 worked numbers, one named test each.
contract SpecExamplesTest is MetaPoolTestBase {
    /// C = 1 000 and three pools with K = 100 each, all matured at the same second (rates paused by
    /// buying in the same block as the deposit is impossible: cover matures a day later, so premium for the
    /// one day of maturing is avoided by zero rates until the snapshot).
    function _example1State() internal returns (address mp) {
        MetaPoolParams memory p = specParams(token, 3);
        mp = createPool(p);
        deposit(mp, alice, 1000e18);
        buy(mp, bob, 0, 100e18);
        buy(mp, bob, 1, 100e18);
        buy(mp, bob, 2, 100e18);
        skip(1 days);
        core(mp).poke(16);
    }

    function test_specExample1_threePoolsOfHundred_claimPaysEightHundred() public {
        address mp = _example1State();
        // All three matured in the same second: each pool's K = 100, C = 1000, F = 700.
        assertEq(ext(mp).capital(), 1000e18);
        assertEq(ext(mp).freeCapital(), 700e18);
        for (uint256 i; i < 3; ++i) {
            assertEq(ext(mp).pool(i).active, 100e18);
            assertEq(ext(mp).pool(i).payout, 800e18);
            assertEq(ext(mp).pool(i).utilisation, 0.125e18);
            assertEq(ext(mp).pool(i).rate, 32_500_000_000_000_000);
        }
        uint256 claimId = fileClaim(mp, bob, 0);
        uint256 epoch = ext(mp).pool(0).epoch;
        vm.prank(arbiter);
        core(mp).resolveClaim(claimId, true);
        assertEq(ext(mp).capital(), 200e18);
        assertEq(ext(mp).pool(1).active + ext(mp).pool(2).active, 200e18);
        assertEq(ext(mp).closedEpoch(0, epoch).remaining, 900e18);
        vm.prank(bob);
        uint256 paid = ext(mp).redeemPayout(0, epoch, bob);
        assertEq(paid, 900e18);
    }
}
