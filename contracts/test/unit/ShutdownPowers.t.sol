// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../../src/interfaces/ICoverToken.sol";
import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {ClaimStatus, MetaPoolParams} from "../../src/interfaces/MetaPoolTypes.sol";
import {ShutdownTestBase} from "../utils/ShutdownTestBase.sol";

/// @notice SPEC §8: who may shut a MetaPool down and when, and what the shutdown does to pending claims.
contract ShutdownPowersTest is ShutdownTestBase {
    function test_shutdown_byAnyoneButTheArbiterWithNoClaimPending_revertsNotArbiter() public {
        address mp = _example1();
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NotArbiter.selector, arbiter));
        vm.prank(dave);
        core(mp).shutdown();
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NotArbiter.selector, arbiter));
        vm.prank(creator);
        core(mp).shutdown();
        assertFalse(ext(mp).isShutDown());
    }

    function test_shutdown_byTheArbiter_shutsDownOnceAndEmitsMetaPoolShutDown() public {
        address mp = _example1();
        skip(1 hours);
        vm.expectEmit(true, false, false, true, mp);
        emit IMetaPoolEvents.MetaPoolShutDown(arbiter, uint40(block.timestamp));
        _shutdown(mp);
        assertTrue(ext(mp).isShutDown());
        assertTrue(ext(mp).metaPoolView().shutDown);

        vm.expectRevert(IMetaPoolErrors.MetaPoolIsShutDown.selector);
        vm.prank(arbiter);
        core(mp).shutdown();
    }

    function test_shutdown_whileAClaimIsPendingUnder30Days_revertsShutdownNotAllowedForEveryone() public {
        address mp = _example1();
        skip(1 hours);
        uint256 filedAt = block.timestamp;
        uint256 claimId = fileClaim(mp, bob, 0);
        vm.warp(filedAt + 30 days - 1);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.ShutdownNotAllowed.selector, claimId, filedAt + 30 days));
        vm.prank(dave);
        core(mp).shutdown();
        // The arbiter too: it should rule instead.
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.ShutdownNotAllowed.selector, claimId, filedAt + 30 days));
        vm.prank(arbiter);
        core(mp).shutdown();
    }

    function test_shutdown_timeoutRunsFromTheEarliestPendingClaim() public {
        address mp = _example1();
        uint256 first = block.timestamp;
        fileClaim(mp, bob, 1);
        skip(10 days);
        fileClaim(mp, bob, 0);
        vm.warp(first + 30 days - 1);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.ShutdownNotAllowed.selector, 1, first + 30 days));
        vm.prank(dave);
        core(mp).shutdown();
        vm.warp(first + 30 days);
        vm.prank(dave);
        core(mp).shutdown();
        assertTrue(ext(mp).isShutDown());
    }

    function test_shutdown_byAnyoneAfter30DaysPending_voidsTheClaimReturnsTheBondAndChargesTheDebt() public {
        address mp = _example1();
        uint256 claimId = fileClaim(mp, bob, 0);
        skip(30 days);
        uint256 debt = premiumFor(EX1_SPEED, 30 days);
        assertEq(ext(mp).pool(0).debt, debt);

        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.ClaimVoided(claimId, 0, debt);
        vm.expectEmit(true, false, false, true, mp);
        emit IMetaPoolEvents.MetaPoolShutDown(dave, uint40(block.timestamp));
        vm.prank(dave);
        core(mp).shutdown();

        assertEq(uint8(ext(mp).claim(claimId).status), uint8(ClaimStatus.Voided));
        assertEq(ext(mp).claim(claimId).resolvedAt, block.timestamp);
        // Every pool paid the same premium: B and C in the sync, A through its voided claim's debt.
        for (uint256 i; i < 3; ++i) {
            assertEq(ext(mp).pool(i).active, 100e18 - debt);
            assertEq(ext(mp).pool(i).debt, 0);
            assertEq(ext(mp).pool(i).pendingClaimId, 0);
        }
        assertEq(ext(mp).capital(), 1000e18 + 3 * _toCapital(debt));
        assertEq(ext(mp).feesOwed(arbiter), 3 * feeOf(debt, 500));
        // The bond is credited back, not added to capital.
        assertEq(ext(mp).feesOwed(bob), 1e18);
        (uint256 firstPending,, uint256 pending) = ext(mp).claimQueue();
        assertEq(pending, 0);
        assertEq(firstPending, claimId + 1);
        (, uint256 bondsHeld,,) = ext(mp).liabilities();
        assertEq(bondsHeld, 0);
        // A voided claim can no longer be ruled.
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.ClaimNotPending.selector, claimId));
        vm.prank(arbiter);
        core(mp).resolveClaim(claimId, true);
    }

    function test_shutdown_voidsEveryPendingClaimAndReturnsEveryBond() public {
        address mp = _example1Flat();
        uint256 first = fileClaim(mp, bob, 2);
        address cover = address(coverToken(mp, 0));
        vm.prank(bob);
        assertTrue(ICoverToken(cover).transfer(carol, 10e18));
        uint256 second = fileClaim(mp, carol, 0);
        skip(30 days);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.ClaimVoided(second, 0, 0);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.ClaimVoided(first, 2, 0);
        vm.prank(carol);
        core(mp).shutdown();
        assertEq(uint8(ext(mp).claim(first).status), uint8(ClaimStatus.Voided));
        assertEq(uint8(ext(mp).claim(second).status), uint8(ClaimStatus.Voided));
        assertEq(ext(mp).feesOwed(bob), 1e18);
        assertEq(ext(mp).feesOwed(carol), 1e18);
        assertEq(ext(mp).capital(), 1000e18);

        uint256 before = token.balanceOf(carol);
        vm.prank(carol);
        assertEq(ext(mp).claimFees(carol), 1e18);
        assertEq(token.balanceOf(carol) - before, 1e18);
    }

    function test_shutdown_voidingAClaimWhoseDebtExceedsK_lapsesThePoolAndStillReturnsTheBond() public {
        MetaPoolParams memory p = specParams(token, 1);
        p.curve = flatCurve(10e18);
        address mp = createWithCover(p, 1000e18, sameCovers(1, 100e18));
        uint256 claimId = fileClaim(mp, bob, 0);
        skip(30 days);
        assertGt(ext(mp).pool(0).debt, 100e18);
        vm.expectEmit(true, false, false, true, mp);
        emit IMetaPoolEvents.CoverEpochClosed(0, 0, 0, 100e18, true);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.ClaimVoided(claimId, 0, 100e18);
        vm.prank(dave);
        core(mp).shutdown();
        // K is charged in full (90 to C); the bond goes back to bob, not to C.
        assertEq(ext(mp).capital(), 1090e18);
        assertEq(ext(mp).feesOwed(bob), 1e18);
        assertEq(ext(mp).pool(0).epoch, 1);
    }
}
