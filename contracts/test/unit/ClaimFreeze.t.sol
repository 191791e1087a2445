// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {PurchaseStatus} from "../../src/interfaces/MetaPoolTypes.sol";
import {Example1TestBase} from "../utils/Example1TestBase.sol";

/// @notice SPEC §7: the freeze a pending claim puts on deposits, purchases and withdrawals, and what becomes of
/// the purchases it froze.
contract ClaimFreezeTest is Example1TestBase {
    // ----- purchases and the freeze -----

    function test_pendingClaim_maturesNoPurchase_evenOnceItIsDue() public {
        address mp = _example1Flat();
        uint256 purchaseId = buy(mp, carol, 1, 50e18);
        skip(1 hours);
        fileClaim(mp, bob, 0);
        skip(2 days);
        core(mp).poke(16);
        assertEq(ext(mp).pool(1).active, 100e18);
        assertEq(ext(mp).pool(1).pending, 50e18);
        assertEq(uint8(ext(mp).purchase(purchaseId).status), uint8(PurchaseStatus.Pending));
        assertEq(ext(mp).metaPoolView().dueUnprocessed, 0);
    }

    function test_refundPurchase_frozenBeforeItIsDue_revertsPurchaseNotRefundable() public {
        address mp = _example1Flat();
        uint256 purchaseId = buy(mp, carol, 1, 50e18);
        uint256 maturesAt = block.timestamp + 1 days;
        skip(1 hours);
        fileClaim(mp, bob, 0);
        skip(1 hours);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.PurchaseNotRefundable.selector, purchaseId, maturesAt));
        vm.prank(carol);
        core(mp).refundPurchase(purchaseId);
    }

    function test_refundPurchase_frozenAndDue_onlyTheBuyerTakesItBack() public {
        address mp = _example1Flat();
        uint256 purchaseId = buy(mp, carol, 1, 50e18);
        skip(1 hours);
        uint256 claimId = fileClaim(mp, bob, 0);
        skip(1 days);

        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.OnlyBuyer.selector, purchaseId, carol));
        vm.prank(dave);
        core(mp).refundPurchase(purchaseId);

        uint256 before = token.balanceOf(carol);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.PurchaseRefunded(purchaseId, carol, 50e18);
        vm.prank(carol);
        assertEq(core(mp).refundPurchase(purchaseId), 50e18);
        assertEq(token.balanceOf(carol) - before, 50e18);
        assertEq(ext(mp).pool(1).pending, 0);
        assertEq(ext(mp).metaPoolView().totalPending, 0);
        assertEq(uint8(ext(mp).purchase(purchaseId).status), uint8(PurchaseStatus.Refunded));

        // Taken back, it never matures after the ruling (nor when its restarted delay ends).
        rule(mp, claimId, false);
        skip(1 days);
        core(mp).poke(16);
        assertEq(ext(mp).pool(1).active, 100e18);
        (uint256 queueHead,,) = ext(mp).purchaseQueue();
        assertEq(queueHead, purchaseId + 1);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NothingToRefund.selector, purchaseId));
        vm.prank(carol);
        core(mp).refundPurchase(purchaseId);
    }

    /// Revision 4: every purchase frozen by the claim restarts its delay at the ruling; one bought after it is on time.
    function test_resolveClaim_invalid_frozenPurchasesRestartTheirDelayAtTheRuling_andLaterOnesMatureOnTime() public {
        address mp = _example1Flat();
        uint256 t0 = block.timestamp;
        uint256 first = buy(mp, carol, 1, 50e18); // due t0 + 24 h, during the freeze
        skip(20 hours);
        uint256 second = buy(mp, dave, 2, 30e18); // due t0 + 44 h, after the ruling
        skip(1 hours);
        uint256 claimId = fileClaim(mp, bob, 0);
        vm.warp(t0 + 30 hours);
        vm.expectEmit(false, false, false, true, mp);
        emit IMetaPoolEvents.PurchasesRestarted(first, second + 1, uint40(t0 + 54 hours));
        rule(mp, claimId, false);
        // The ruling matured nothing itself, and the view shows the restarted maturity.
        assertEq(uint8(ext(mp).purchase(first).status), uint8(PurchaseStatus.Pending));
        assertEq(ext(mp).purchase(first).maturesAt, t0 + 54 hours);
        assertEq(ext(mp).purchase(second).maturesAt, t0 + 54 hours);
        assertEq(ext(mp).metaPoolView().freezeEndedAt, t0 + 30 hours);
        vm.warp(t0 + 31 hours);
        uint256 third = buy(mp, dave, 2, 20e18); // bought after the freeze: due t0 + 55 h, on time

        vm.warp(t0 + 54 hours - 1);
        core(mp).poke(16);
        assertEq(ext(mp).pool(1).pending, 50e18);
        vm.warp(t0 + 56 hours);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.PurchaseMatured(first, 1, 0, 50e18, 50e18, uint40(t0 + 54 hours), 150e18, 150e18);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.PurchaseMatured(second, 2, 0, 30e18, 30e18, uint40(t0 + 54 hours), 130e18, 130e18);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.PurchaseMatured(third, 2, 0, 20e18, 20e18, uint40(t0 + 55 hours), 150e18, 150e18);
        core(mp).poke(16);
        assertEq(coverToken(mp, 1).balanceOf(carol), 50e18);
        assertEq(coverToken(mp, 2).balanceOf(dave), 50e18);
        // A matured purchase records when it really matured.
        assertEq(ext(mp).purchase(first).maturesAt, t0 + 54 hours);
    }

    function test_resolveClaim_valid_makesEveryPendingPurchaseRefundableByAnyone() public {
        address mp = _example1Flat();
        uint256 first = buy(mp, carol, 1, 50e18);
        uint256 second = buy(mp, carol, 0, 30e18);
        skip(1 hours);
        uint256 claimId = fileClaim(mp, bob, 0);
        skip(1 hours);
        vm.expectEmit(false, false, false, true, mp);
        emit IMetaPoolEvents.PurchasesVoided(first, second + 1, 80e18);
        rule(mp, claimId, true);
        assertEq(ext(mp).pool(0).pending, 0);
        assertEq(ext(mp).pool(1).pending, 0);
        (,, uint256 voidedBefore) = ext(mp).purchaseQueue();
        assertEq(voidedBefore, second + 1);

        uint256 before = token.balanceOf(carol);
        vm.prank(dave);
        assertEq(core(mp).refundPurchase(first), 50e18);
        vm.prank(dave);
        assertEq(core(mp).refundPurchase(second), 30e18);
        assertEq(token.balanceOf(carol) - before, 80e18);
        (,,, uint256 refundsOwed) = ext(mp).liabilities();
        assertEq(refundsOwed, 0);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NothingToRefund.selector, first));
        core(mp).refundPurchase(first);
        // Nothing matures later either.
        skip(2 days);
        core(mp).poke(16);
        assertEq(ext(mp).pool(1).active, 100e18);
    }

    function test_deposit_whileAClaimIsPending_revertsClaimPending() public {
        address mp = _example1();
        uint256 claimId = fileClaim(mp, bob, 0);
        assertEq(ext(mp).maxDeposit(carol), 0);
        fund(carol, 10e18);
        vm.prank(carol);
        token.approve(mp, 10e18);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.ClaimPending.selector, claimId));
        vm.prank(carol);
        core(mp).deposit(10e18, carol);
    }

    function test_buyProtection_whileAClaimIsPending_revertsClaimPending() public {
        address mp = _example1();
        uint256 claimId = fileClaim(mp, bob, 0);
        assertEq(ext(mp).previewBuy(1, 10e18).capacity, 0);
        fund(carol, 10e18);
        vm.prank(carol);
        token.approve(mp, 10e18);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.ClaimPending.selector, claimId));
        vm.prank(carol);
        core(mp).buyProtection(1, 10e18, carol);
    }

    function test_completeWithdrawal_whileAClaimIsPending_revertsClaimPending() public {
        address mp = _example1Flat();
        uint256 requestId = requestWithdrawal(mp, alice, 100e18);
        uint256 claimId = fileClaim(mp, bob, 0);
        vm.warp(ext(mp).withdrawalRequest(requestId).unlockAt);
        assertEq(ext(mp).previewWithdrawal(requestId).withdrawableNow, 0);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.ClaimPending.selector, claimId));
        vm.prank(alice);
        core(mp).completeWithdrawal(requestId, 100e18, alice);
        // After the ruling the request pays, its window reopened from the ruling.
        rule(mp, claimId, false);
        vm.prank(alice);
        assertEq(core(mp).completeWithdrawal(requestId, 100e18, alice), 100e18);
    }

    function test_requestAndCancelWithdrawal_whileAClaimIsPending_stillWork() public {
        address mp = _example1Flat();
        fileClaim(mp, bob, 0);
        uint256 requestId = requestWithdrawal(mp, alice, 100e18);
        assertEq(requestId, 1);
        assertEq(ext(mp).balanceOf(alice), 900e18);
        vm.prank(alice);
        assertEq(core(mp).cancelWithdrawal(requestId), 100e18);
        assertEq(ext(mp).balanceOf(alice), 1000e18);
    }

    function test_freeze_namesTheEarliestPendingClaim_untilEveryClaimIsRuled() public {
        address mp = _example1Flat();
        fileClaim(mp, bob, 1);
        fileClaim(mp, bob, 0);
        fund(carol, 30e18);
        vm.prank(carol);
        token.approve(mp, 30e18);

        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.ClaimPending.selector, 1));
        vm.prank(carol);
        core(mp).deposit(10e18, carol);
        rule(mp, 1, false);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.ClaimPending.selector, 2));
        vm.prank(carol);
        core(mp).deposit(10e18, carol);
        rule(mp, 2, false);
        vm.prank(carol);
        assertGt(core(mp).deposit(10e18, carol), 0);
    }

    // ----- batches, refunds and books -----

    function test_resolveClaim_invalid_withMoreThanSixteenFrozenPurchases_maturesThemInBatchesWhenTheRestartedDelayEnds()
        public
    {
        address mp = _example1Flat();
        uint256 firstId;
        for (uint256 i; i < 20; ++i) {
            uint256 id = buy(mp, carol, 1 + i % 2, 10e18);
            if (i == 0) firstId = id;
        }
        skip(1 hours);
        uint256 claimId = fileClaim(mp, bob, 0);
        skip(2 days);
        // Frozen purchases never cause SyncRequired.
        assertEq(core(mp).poke(16), 0);
        requestWithdrawal(mp, alice, 1e18);
        uint256 ruling = block.timestamp;
        rule(mp, claimId, false);
        uint256 restarted = ruling + 1 days;

        skip(1 days + 1 hours);
        fund(dave, 10e18);
        vm.prank(dave);
        token.approve(mp, 10e18);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.SyncRequired.selector, 4));
        vm.prank(dave);
        core(mp).deposit(10e18, dave);

        // The 16th (pool 2's eighth) and the 20th (its tenth) both mature when the restarted delay ends.
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.PurchaseMatured(firstId + 15, 2, 0, 10e18, 10e18, uint40(restarted), 180e18, 180e18);
        assertEq(core(mp).poke(16), 4);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.PurchaseMatured(firstId + 19, 2, 0, 10e18, 10e18, uint40(restarted), 200e18, 200e18);
        assertEq(core(mp).poke(16), 0);
        assertEq(ext(mp).pool(1).active, 200e18);
        assertEq(ext(mp).pool(2).active, 200e18);
        assertBooks(mp);
    }

    function test_resolveClaim_valid_leavesPurchasesTakenBackDuringTheFreezeOutOfTheVoidedTotal() public {
        address mp = _example1Flat();
        uint256 first = buy(mp, carol, 1, 50e18);
        uint256 second = buy(mp, dave, 2, 20e18);
        skip(1 hours);
        uint256 claimId = fileClaim(mp, bob, 0);
        skip(1 days);
        vm.prank(carol);
        core(mp).refundPurchase(first);

        vm.expectEmit(false, false, false, true, mp);
        emit IMetaPoolEvents.PurchasesVoided(first, second + 1, 20e18);
        rule(mp, claimId, true);
        (,,, uint256 refundsOwed) = ext(mp).liabilities();
        assertEq(refundsOwed, 20e18);
        assertBooks(mp);

        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NothingToRefund.selector, first));
        core(mp).refundPurchase(first);
        assertEq(core(mp).refundPurchase(second), 20e18);
        assertEq(token.balanceOf(dave), 20e18);
        assertBooks(mp);
    }
}
