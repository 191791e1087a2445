// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {BuyQuote, PoolView} from "../../src/interfaces/MetaPoolTypes.sol";
import {ShutdownTestBase} from "../utils/ShutdownTestBase.sol";

/// @notice SPEC §8: what still works after a shutdown (exits, withdrawals, refunds, fees) and what is refused.
contract ShutdownAfterwardsTest is ShutdownTestBase {
    function test_shutdown_stopsPremiumForEver() public {
        address mp = _example1();
        skip(1 days);
        _shutdown(mp);
        uint256 premium = premiumFor(EX1_SPEED, 1 days);
        uint256 capital = 1000e18 + 3 * _toCapital(premium);
        assertEq(ext(mp).capital(), capital);
        uint256 arbiterFees = ext(mp).feesOwed(arbiter);
        assertEq(arbiterFees, 3 * feeOf(premium, 500));

        skip(YEAR);
        core(mp).poke(16);
        assertEq(ext(mp).capital(), capital);
        assertEq(ext(mp).feesOwed(arbiter), arbiterFees);
        for (uint256 i; i < 3; ++i) {
            PoolView memory v = ext(mp).pool(i);
            assertEq(v.active, 100e18 - premium);
            assertEq(v.rate, 0);
            assertEq(v.premiumSpeed, 0);
            assertEq(v.epoch, 0);
        }
    }

    function test_deposit_afterShutdown_revertsMetaPoolIsShutDown() public {
        address mp = _example1();
        _shutdown(mp);
        fund(carol, 10e18);
        vm.prank(carol);
        token.approve(mp, 10e18);
        vm.expectRevert(IMetaPoolErrors.MetaPoolIsShutDown.selector);
        vm.prank(carol);
        core(mp).deposit(10e18, carol);
        assertEq(ext(mp).maxDeposit(carol), 0);
    }

    function test_buyProtection_afterShutdown_revertsMetaPoolIsShutDown() public {
        address mp = _example1();
        _shutdown(mp);
        fund(carol, 10e18);
        vm.prank(carol);
        token.approve(mp, 10e18);
        vm.expectRevert(IMetaPoolErrors.MetaPoolIsShutDown.selector);
        vm.prank(carol);
        core(mp).buyProtection(1, 10e18, carol);
    }

    function test_fileClaim_afterShutdown_revertsMetaPoolIsShutDown() public {
        address mp = _example1();
        _shutdown(mp);
        fund(bob, 1e18);
        vm.prank(bob);
        token.approve(mp, 1e18);
        vm.expectRevert(IMetaPoolErrors.MetaPoolIsShutDown.selector);
        vm.prank(bob);
        core(mp).fileClaim(0, block.timestamp, "late");
    }

    function test_exit_beforeShutdown_revertsMetaPoolNotShutDown() public {
        address mp = _example1();
        vm.expectRevert(IMetaPoolErrors.MetaPoolNotShutDown.selector);
        vm.prank(alice);
        ext(mp).exit(100e18, alice);
    }

    function test_exit_afterShutdown_paysConvertToAssetsIgnoringCover() public {
        address mp = _example1();
        skip(1 days);
        _shutdown(mp);
        uint256 capital = ext(mp).capital();
        uint256 expected = uint256(1000e18) * (capital + 1) / (1000e18 + 1);
        assertEq(ext(mp).convertToAssets(1000e18), expected);
        assertEq(ext(mp).previewExit(1000e18), expected);
        // More than the free capital before the shutdown: exits ignore cover.
        assertGt(expected, capital - 3 * ext(mp).pool(0).active);

        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.Exited(alice, carol, 1000e18, expected, capital - expected);
        vm.prank(alice);
        assertEq(ext(mp).exit(1000e18, carol), expected);
        assertEq(token.balanceOf(carol), expected);
        assertEq(ext(mp).balanceOf(alice), 0);
        assertEq(ext(mp).totalSupply(), 0);
        assertEq(ext(mp).capital(), capital - expected);

        // The seekers' deposits are untouched.
        uint256 active = ext(mp).pool(1).active;
        vm.prank(bob);
        assertEq(core(mp).withdrawProtection(1, 100e18, bob), active);
    }

    /// At a share price of exactly 1 (a zero curve, no premium) each part pays its shares one for one and the
    /// parts empty the capital exactly; a rounding in the exiter's favour shows only at another price (next test).
    function test_exit_afterShutdown_inParts_atPriceOne_paysSharesOneForOne() public {
        address mp = _example1Flat();
        deposit(mp, carol, 500e18);
        _shutdown(mp);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.InsufficientShares.selector, 501e18, 500e18));
        vm.prank(carol);
        ext(mp).exit(501e18, carol);
        vm.prank(carol);
        assertEq(ext(mp).exit(200e18, carol), 200e18);
        vm.prank(alice);
        assertEq(ext(mp).exit(1000e18, alice), 1000e18);
        vm.prank(carol);
        assertEq(ext(mp).exit(300e18, carol), 300e18);
        assertEq(ext(mp).capital(), 0);
    }

    /// Exits in parts at a share price that is not 1 (premium streamed for three days): each part is paid the
    /// SPEC price of that moment rounded down, the parts never sum to more than the whole, and the holder who exits
    /// after loses nothing to them.
    function test_exit_afterShutdown_inParts_atAPremiumPrice_roundsEachPartDown() public {
        address mp = _example1();
        deposit(mp, carol, 500e18);
        skip(3 days);
        _shutdown(mp);
        uint256 capital = ext(mp).capital();
        uint256 supply = ext(mp).totalSupply();
        assertGt(capital, supply, "premium raised the share price above 1");
        uint256 whole = uint256(500e18) * (capital + 1) / (supply + 1);
        uint256 aliceAtShutdown = uint256(1000e18) * (capital + 1) / (supply + 1);

        uint256[3] memory parts = [uint256(1), 166_666_666_666_666_666_667, 500e18 - 1 - 166_666_666_666_666_666_667];
        uint256 walletBefore = token.balanceOf(carol);
        uint256 paid;
        for (uint256 i; i < parts.length; ++i) {
            uint256 expected = parts[i] * (ext(mp).capital() + 1) / (ext(mp).totalSupply() + 1);
            vm.prank(carol);
            assertEq(ext(mp).exit(parts[i], carol), expected);
            paid += expected;
        }
        assertLe(paid, whole);
        assertEq(token.balanceOf(carol) - walletBefore, paid);
        vm.prank(alice);
        assertGe(ext(mp).exit(1000e18, alice), aliceAtShutdown);
    }

    function test_completeWithdrawal_afterShutdown_paysAtOnceWithoutLockOrFreeCapitalCap() public {
        address mp = _example1();
        uint256 requestId = requestWithdrawal(mp, alice, 800e18);
        assertEq(ext(mp).withdrawalRequest(requestId).assetsAtRequest, 800e18);
        skip(1 hours);
        // Before the shutdown it would be locked, and capped by F = 700.
        assertLt(ext(mp).freeCapital(), 800e18);
        _shutdown(mp);
        assertLt(block.timestamp, ext(mp).withdrawalRequest(requestId).unlockAt);
        assertEq(ext(mp).previewWithdrawal(requestId).withdrawableNow, 800e18);

        uint256 capital = ext(mp).capital();
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.WithdrawalCompleted(requestId, alice, alice, 800e18, 800e18, 0, 0, capital - 800e18);
        vm.prank(alice);
        // The min rule: premiums earned since the request stay in C.
        assertEq(core(mp).completeWithdrawal(requestId, 800e18, alice), 800e18);
        assertEq(ext(mp).capital(), capital - 800e18);
        assertGt(ext(mp).capital(), 200e18);
    }

    function test_completeWithdrawal_afterShutdown_paysEvenAfterTheWindowClosed() public {
        address mp = _example1Flat();
        uint256 requestId = requestWithdrawal(mp, alice, 100e18);
        uint256 windowEnd = ext(mp).withdrawalRequest(requestId).unlockAt + 7 days;
        vm.warp(windowEnd + 1);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.WithdrawalWindowClosed.selector, windowEnd));
        vm.prank(alice);
        core(mp).completeWithdrawal(requestId, 100e18, alice);
        _shutdown(mp);
        vm.prank(alice);
        assertEq(core(mp).completeWithdrawal(requestId, 100e18, alice), 100e18);
    }

    function test_completeWithdrawal_afterALossAndShutdown_paysWhatTheSharesAreWorth() public {
        address mp = _example1Flat();
        uint256 requestId = requestWithdrawal(mp, alice, 500e18);
        rule(mp, fileClaim(mp, bob, 0), true);
        assertEq(ext(mp).capital(), 200e18);
        _shutdown(mp);
        vm.prank(alice);
        assertEq(core(mp).completeWithdrawal(requestId, 500e18, alice), 100e18);
        assertEq(ext(mp).capital(), 100e18);
    }

    function test_withdrawProtection_afterShutdown_paysTheWholeRemainingDeposit() public {
        address mp = _example1();
        skip(1 days);
        _shutdown(mp);
        uint256 active = 100e18 - premiumFor(EX1_SPEED, 1 days);
        skip(30 days);
        for (uint256 i; i < 3; ++i) {
            assertEq(coverToken(mp, i).balanceOfUnderlying(bob), active);
            vm.prank(bob);
            assertEq(core(mp).withdrawProtection(i, 100e18, bob), active);
            assertEq(ext(mp).pool(i).epoch, 1);
        }
        assertEq(ext(mp).metaPoolView().totalActive, 0);
    }

    function test_refundPurchase_afterShutdown_refundsEveryPendingPurchaseInFull() public {
        address mp = _example1();
        uint256 first = buy(mp, carol, 1, 50e18);
        uint256 second = buy(mp, dave, 2, 20e18);
        skip(1 hours);
        vm.expectEmit(false, false, false, true, mp);
        emit IMetaPoolEvents.PurchasesVoided(first, second + 1, 70e18);
        _shutdown(mp);
        assertEq(ext(mp).metaPoolView().totalPending, 0);
        assertEq(ext(mp).pool(1).pending, 0);

        vm.prank(bob);
        assertEq(core(mp).refundPurchase(first), 50e18);
        assertEq(token.balanceOf(carol), 50e18);
        // Nothing matures any more.
        skip(2 days);
        core(mp).poke(16);
        assertEq(ext(mp).pool(2).active, ext(mp).pool(0).active);
        vm.prank(dave);
        assertEq(core(mp).refundPurchase(second), 20e18);
        (,,, uint256 refundsOwed) = ext(mp).liabilities();
        assertEq(refundsOwed, 0);
    }

    function test_refundPurchase_frozenByAClaimThenShutdown_isRefundableByAnyone() public {
        address mp = _example1Flat();
        uint256 purchaseId = buy(mp, carol, 1, 50e18);
        fileClaim(mp, bob, 0);
        skip(30 days);
        vm.prank(dave);
        core(mp).shutdown();
        vm.prank(dave);
        assertEq(core(mp).refundPurchase(purchaseId), 50e18);
        assertEq(token.balanceOf(carol), 50e18);
    }

    function test_claimFees_afterShutdown_stillPaysTheFeesEarnedBefore() public {
        address mp = _example1();
        skip(1 days);
        _shutdown(mp);
        uint256 fees = 3 * feeOf(premiumFor(EX1_SPEED, 1 days), 500);
        skip(10 days);
        vm.prank(arbiter);
        assertEq(ext(mp).claimFees(arbiter), fees);
        vm.prank(creator);
        assertEq(ext(mp).claimFees(creator), fees);
        assertEq(token.balanceOf(arbiter), fees);
        assertEq(token.balanceOf(creator), fees);
    }

    function test_views_afterShutdown_clampFreeCapitalToZero() public {
        address mp = _example1Flat();
        uint256 requestId = requestWithdrawal(mp, alice, 100e18);
        assertEq(ext(mp).freeCapital(), 700e18);
        _shutdown(mp);
        assertEq(ext(mp).capital(), 1000e18);
        assertEq(ext(mp).freeCapital(), 0);
        assertEq(ext(mp).metaPoolView().freeCapital, 0);
        assertEq(ext(mp).previewWithdrawal(requestId).freeCapital, 0);
        assertEq(ext(mp).previewWithdrawal(requestId).withdrawableNow, 100e18);
        // Cover is no longer in force: no claim can be filed, so no pool shows a payout.
        PoolView memory v = ext(mp).pool(0);
        assertEq(v.active, 100e18);
        assertEq(v.payout, 0);
        (uint256 payout, uint256 redeemable) = ext(mp).previewPayout(0);
        assertEq(payout, 0);
        assertEq(redeemable, 0);
        assertEq(v.rate, 0);
        assertEq(v.premiumSpeed, 0);
        BuyQuote memory q = ext(mp).previewBuy(0, 10e18);
        assertEq(q.capacity, 0);
        assertEq(q.rateNow, 0);
        assertEq(q.premiumSpeedAfter, 0);
        assertEq(ext(mp).maxDeposit(alice), 0);
    }

    function test_shutdown_thenEveryoneLeaving_keepsTheBooksExactAndEmptiesThePool() public {
        address mp = _example1();
        deposit(mp, carol, 300e18);
        uint256 requestId = requestWithdrawal(mp, carol, 100e18);
        uint256 purchaseId = buy(mp, dave, 1, 40e18);
        skip(2 hours);
        uint256 claimId = fileClaim(mp, bob, 2);
        skip(30 days);
        vm.prank(dave);
        core(mp).shutdown();
        assertBooks(mp);

        vm.prank(carol);
        core(mp).completeWithdrawal(requestId, 100e18, carol);
        vm.prank(carol);
        ext(mp).exit(200e18, carol);
        vm.prank(alice);
        ext(mp).exit(1000e18, alice);
        assertBooks(mp);
        for (uint256 i; i < 3; ++i) {
            vm.prank(bob);
            core(mp).withdrawProtection(i, 100e18, bob);
        }
        core(mp).refundPurchase(purchaseId);
        assertBooks(mp);
        vm.prank(arbiter);
        ext(mp).claimFees(arbiter);
        vm.prank(creator);
        ext(mp).claimFees(creator);
        vm.prank(bob);
        assertEq(ext(mp).claimFees(bob), ext(mp).claim(claimId).bond);
        assertBooks(mp);
        // Only the shares' rounding dust is left, in C.
        assertEq(ext(mp).totalSupply(), 0);
        assertEq(token.balanceOf(mp), ext(mp).capital());
        assertLt(token.balanceOf(mp), 10);
    }
}
