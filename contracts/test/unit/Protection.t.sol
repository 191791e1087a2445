// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../../src/interfaces/ICoverToken.sol";
import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {BuyQuote, ClosedEpoch, PoolView, Purchase, PurchaseStatus} from "../../src/interfaces/MetaPoolTypes.sol";
import {CoverToken} from "../../src/tokens/CoverToken.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {MetaPoolTestBase} from "../utils/MetaPoolTestBase.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice Seekers (SPEC §5, §6): escrowed purchases, maturing through `sync` and `poke`, partial acceptance,
/// refunds, withdrawing cover, cover tokens, lapse and redeeming closed epochs.
contract ProtectionTest is MetaPoolTestBase {
    address internal mp;

    function setUp() public override {
        super.setUp();
        mp = createPool(specParams(token, 3));
    }

    // ----- helpers -----

    function zeroRatePool(uint256 poolCount) internal returns (address pool) {
        pool = createPool(zeroRateParams(poolCount, 0));
    }

    function expectBuyRevert(address pool, address who, uint256 poolId, uint256 amount, bytes memory err) internal {
        fund(who, amount);
        vm.prank(who);
        token.approve(pool, amount);
        vm.expectRevert(err);
        vm.prank(who);
        core(pool).buyProtection(poolId, amount, who);
    }

    function statusOf(address pool, uint256 purchaseId) internal view returns (PurchaseStatus) {
        return ext(pool).purchase(purchaseId).status;
    }

    /// @dev Timestamps of every `Synced` event `pool` emitted in `logs`.
    function syncedTimes(address pool, Vm.Log[] memory logs) internal pure returns (uint256[] memory times) {
        uint256 n;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == pool && logs[i].topics[0] == IMetaPoolEvents.Synced.selector) ++n;
        }
        times = new uint256[](n);
        n = 0;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == pool && logs[i].topics[0] == IMetaPoolEvents.Synced.selector) {
                (uint40 t,,,,,) = abi.decode(logs[i].data, (uint40, uint256, uint256[], uint256, uint256, uint256));
                times[n++] = t;
            }
        }
    }

    /// @dev `maturedAt` of the `PurchaseMatured` event `pool` emitted for `purchaseId` in `logs` (0 if none).
    function maturedAt(address pool, Vm.Log[] memory logs, uint256 purchaseId) internal pure returns (uint256 at) {
        for (uint256 i; i < logs.length; ++i) {
            Vm.Log memory log = logs[i];
            if (log.emitter != pool || log.topics[0] != IMetaPoolEvents.PurchaseMatured.selector) continue;
            if (uint256(log.topics[1]) != purchaseId) continue;
            (,,, uint40 t,,) = abi.decode(log.data, (uint32, uint256, uint256, uint40, uint256, uint256));
            at = t;
        }
    }

    /// @dev `count` purchases of 1 token in pool 0 by dave, one second apart; returns the last one's maturity.
    function buyMany(address pool, uint256 count) internal returns (uint256 lastMaturesAt) {
        for (uint256 i; i < count; ++i) {
            buy(pool, dave, 0, 1e18);
            if (i + 1 < count) skip(1);
        }
        lastMaturesAt = block.timestamp + 1 days;
    }

    // ----- buyProtection -----

    function test_buyProtection_escrowsTheAmount_andEmitsProtectionBought() public {
        deposit(mp, alice, 1000e18);
        fund(bob, 100e18);
        vm.prank(bob);
        token.approve(mp, 100e18);
        uint40 maturesAt = uint40(block.timestamp + 1 days);
        vm.expectEmit(true, true, true, true, mp);
        emit IMetaPoolEvents.ProtectionBought(1, 0, bob, bob, 100e18, maturesAt, 100e18);
        vm.prank(bob);
        uint256 purchaseId = core(mp).buyProtection(0, 100e18, bob);

        assertEq(purchaseId, 1);
        assertEq(token.balanceOf(bob), 0);
        assertEq(token.balanceOf(mp), 1100e18);
        Purchase memory p = ext(mp).purchase(1);
        assertEq(p.buyer, bob);
        assertEq(p.receiver, bob);
        assertEq(p.maturesAt, maturesAt);
        assertEq(p.poolId, 0);
        assertEq(uint8(p.status), uint8(PurchaseStatus.Pending));
        assertEq(p.amount, 100e18);
        assertEq(p.accepted, 0);
        assertEq(ext(mp).pool(0).pending, 100e18);
        assertEq(ext(mp).pool(0).active, 0);
        assertEq(ext(mp).metaPoolView().totalPending, 100e18);
        // Pending deposits are not capital and not cover.
        assertEq(ext(mp).capital(), 1000e18);
        assertEq(ext(mp).freeCapital(), 1000e18);

        fund(carol, 50e18);
        vm.prank(carol);
        token.approve(mp, 50e18);
        vm.expectEmit(true, true, true, true, mp);
        emit IMetaPoolEvents.ProtectionBought(2, 0, carol, carol, 50e18, maturesAt, 150e18);
        vm.prank(carol);
        assertEq(core(mp).buyProtection(0, 50e18, carol), 2);
    }

    function test_buyProtection_mintsTheCoverToTheReceiver_notTheBuyer() public {
        deposit(mp, alice, 1000e18);
        fund(bob, 100e18);
        vm.prank(bob);
        token.approve(mp, 100e18);
        vm.expectEmit(true, true, true, true, mp);
        emit IMetaPoolEvents.ProtectionBought(1, 1, bob, carol, 100e18, uint40(block.timestamp + 1 days), 100e18);
        vm.prank(bob);
        uint256 purchaseId = core(mp).buyProtection(1, 100e18, carol);
        assertEq(ext(mp).purchase(purchaseId).receiver, carol);
        skip(1 days);
        core(mp).poke(16);
        ICoverToken cover = coverToken(mp, 1);
        assertEq(cover.balanceOf(carol), 100e18);
        assertEq(cover.balanceOf(bob), 0);
        assertEq(cover.totalSupply(), 100e18);
    }

    function test_buyProtection_revertsBelowMinPurchase_oneWeiUnderTheMinimum() public {
        deposit(mp, alice, 1000e18);
        expectBuyRevert(
            mp, bob, 0, 1e16 - 1, abi.encodeWithSelector(IMetaPoolErrors.BelowMinPurchase.selector, 1e16 - 1, 1e16)
        );
        assertEq(buy(mp, bob, 0, 1e16), 1);
    }

    /// C = 1 000, K = 300 active in pool 0 and R = 200 pending in pool 1: 500 of capacity is left.
    /// Revision 4: capacity is `C − ΣK`; pending purchases reserve nothing, and maturing decides acceptance.
    function test_buyProtection_revertsCapacityExceeded_withCapitalLessActive_pendingReservesNothing() public {
        address pool = zeroRatePool(3);
        deposit(pool, alice, 1000e18);
        buyActive(pool, bob, 0, 300e18);
        buy(pool, bob, 1, 200e18);
        BuyQuote memory q = ext(pool).previewBuy(2, 1e18);
        assertEq(q.capacity, 700e18);
        assertEq(q.pendingAhead, 200e18);
        expectBuyRevert(
            pool, carol, 2, 700e18 + 1, abi.encodeWithSelector(IMetaPoolErrors.CapacityExceeded.selector, 700e18)
        );
        buy(pool, carol, 2, 700e18);
        // Still 700 of capacity: neither pending purchase is cover yet.
        assertEq(ext(pool).previewBuy(0, 1e18).capacity, 700e18);
        assertEq(ext(pool).previewBuy(0, 1e18).pendingAhead, 900e18);
        skip(1 days);
        core(pool).poke(16);
        // Bob's 200 matured first and was accepted; carol's 700 found only 500 free and keeps 200 refundable.
        assertEq(ext(pool).pool(1).active, 200e18);
        assertEq(ext(pool).pool(2).active, 500e18);
        assertEq(ext(pool).purchase(3).accepted, 500e18);
        expectBuyRevert(pool, carol, 0, 1e16, abi.encodeWithSelector(IMetaPoolErrors.CapacityExceeded.selector, 0));
    }

    function test_buyProtection_revertsInvalidPoolId_pastTheLastPool() public {
        deposit(mp, alice, 1000e18);
        expectBuyRevert(mp, bob, 3, 1e18, abi.encodeWithSelector(IMetaPoolErrors.InvalidPoolId.selector, 3, 3));
    }

    function test_buyProtection_revertsZeroAmountAndZeroAddress() public {
        deposit(mp, alice, 1000e18);
        vm.expectRevert(IMetaPoolErrors.ZeroAmount.selector);
        vm.prank(bob);
        core(mp).buyProtection(0, 0, bob);
        vm.expectRevert(IMetaPoolErrors.ZeroAddress.selector);
        vm.prank(bob);
        core(mp).buyProtection(0, 1e18, address(0));
    }

    function test_buyProtection_revertsClaimPending_whileAnyClaimIsPending() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        uint256 claimId = fileClaim(mp, bob, 0);
        // A claim on pool 0 freezes purchases in every pool.
        expectBuyRevert(mp, carol, 1, 1e18, abi.encodeWithSelector(IMetaPoolErrors.ClaimPending.selector, claimId));
    }

    function test_buyProtection_revertsMetaPoolIsShutDown_afterShutdown() public {
        deposit(mp, alice, 1000e18);
        vm.prank(arbiter);
        core(mp).shutdown();
        expectBuyRevert(mp, carol, 0, 1e18, abi.encodeWithSelector(IMetaPoolErrors.MetaPoolIsShutDown.selector));
    }

    // ----- maturing -----

    function test_purchase_maturesExactlyAtMaturesAt_throughAnyCallsSync() public {
        deposit(mp, alice, 1000e18);
        uint256 purchaseId = buy(mp, bob, 0, 100e18);
        uint40 maturesAt = ext(mp).purchase(purchaseId).maturesAt;

        vm.warp(maturesAt - 1);
        deposit(mp, carol, 1e18);
        assertEq(uint8(statusOf(mp, purchaseId)), uint8(PurchaseStatus.Pending));
        assertEq(ext(mp).pool(0).active, 0);
        assertEq(ext(mp).pool(0).token, address(0));

        vm.warp(maturesAt);
        // Views project the maturing before any transaction runs it.
        assertEq(ext(mp).pool(0).active, 100e18);
        assertEq(uint8(statusOf(mp, purchaseId)), uint8(PurchaseStatus.Pending));
        fund(carol, 1e18);
        vm.prank(carol);
        token.approve(mp, 1e18);
        vm.expectEmit(true, true, true, true, mp);
        emit IMetaPoolEvents.PurchaseMatured(purchaseId, 0, 0, 100e18, 100e18, maturesAt, 100e18, 100e18);
        vm.prank(carol);
        core(mp).deposit(1e18, carol);

        Purchase memory p = ext(mp).purchase(purchaseId);
        assertEq(uint8(p.status), uint8(PurchaseStatus.Matured));
        assertEq(p.accepted, 100e18);
        assertEq(coverToken(mp, 0).balanceOf(bob), 100e18);
        assertEq(ext(mp).pool(0).epochOpenedAt, maturesAt);
        assertEq(ext(mp).pool(0).pending, 0);
        assertEq(ext(mp).freeCapital(), 1002e18 - 100e18);
    }

    /// alice's withdrawal takes the capital a pending purchase reserved: at maturity only 50 of 100 is accepted.
    function test_purchase_isAcceptedInPart_whenCapitalShrank_andTheRestIsRefundable() public {
        address pool = zeroRatePool(3);
        deposit(pool, alice, 1000e18);
        uint256 requestId = requestWithdrawal(pool, alice, 1000e18);
        skip(7 days - 1 hours);
        uint256 purchaseId = buy(pool, bob, 0, 100e18);
        uint40 maturesAt = ext(pool).purchase(purchaseId).maturesAt;
        skip(1 hours);
        completeWithdrawal(pool, alice, requestId, 950e18);
        assertEq(ext(pool).capital(), 50e18);

        vm.warp(maturesAt);
        vm.expectEmit(true, true, true, true, pool);
        emit IMetaPoolEvents.PurchaseMatured(purchaseId, 0, 0, 50e18, 50e18, maturesAt, 50e18, 50e18);
        core(pool).poke(16);
        assertEq(ext(pool).purchase(purchaseId).accepted, 50e18);
        assertEq(coverToken(pool, 0).balanceOf(bob), 50e18);
        assertEq(ext(pool).pool(0).active, 50e18);
        (,,, uint256 refundsOwed) = ext(pool).liabilities();
        assertEq(refundsOwed, 50e18);

        // Anyone may trigger it; the buyer is paid.
        vm.expectEmit(true, true, true, true, pool);
        emit IMetaPoolEvents.PurchaseRefunded(purchaseId, bob, 50e18);
        vm.prank(dave);
        assertEq(core(pool).refundPurchase(purchaseId), 50e18);
        assertEq(token.balanceOf(bob), 50e18);
        assertEq(token.balanceOf(dave), 0);
        (,,, refundsOwed) = ext(pool).liabilities();
        assertEq(refundsOwed, 0);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NothingToRefund.selector, purchaseId));
        core(pool).refundPurchase(purchaseId);
    }

    function test_purchase_isRefundableInFull_whenNoCapitalIsFreeAtMaturity() public {
        address pool = zeroRatePool(1);
        deposit(pool, alice, 1000e18);
        uint256 requestId = requestWithdrawal(pool, alice, 1000e18);
        skip(7 days - 1 hours);
        uint256 purchaseId = buy(pool, bob, 0, 100e18);
        skip(1 hours);
        completeWithdrawal(pool, alice, requestId, 1000e18);
        skip(1 days);
        core(pool).poke(16);
        assertEq(uint8(statusOf(pool, purchaseId)), uint8(PurchaseStatus.Matured));
        assertEq(ext(pool).purchase(purchaseId).accepted, 0);
        assertEq(ext(pool).pool(0).token, address(0));
        vm.prank(bob);
        assertEq(core(pool).refundPurchase(purchaseId), 100e18);
    }

    function test_sync_revertsSyncRequired_withSeventeenDuePurchases() public {
        deposit(mp, alice, 1000e18);
        uint256 lastMaturesAt = buyMany(mp, 17);
        vm.warp(lastMaturesAt - 1);
        // Sixteen due: one call matures them all.
        deposit(mp, carol, 1e18);
        assertEq(uint8(statusOf(mp, 16)), uint8(PurchaseStatus.Matured));
        assertEq(uint8(statusOf(mp, 17)), uint8(PurchaseStatus.Pending));

        address pool = createPool(specParams(token, 3));
        deposit(pool, alice, 1000e18);
        lastMaturesAt = buyMany(pool, 20);
        vm.warp(lastMaturesAt);
        assertEq(ext(pool).metaPoolView().dueUnprocessed, 4);
        fund(carol, 1e18);
        vm.prank(carol);
        token.approve(pool, 1e18);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.SyncRequired.selector, 4));
        vm.prank(carol);
        core(pool).deposit(1e18, carol);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.SyncRequired.selector, 4));
        vm.prank(alice);
        core(pool).requestWithdrawal(1e18);
    }

    function test_poke_worksThroughDuePurchasesInBatches_eachAccruingToItsLastMaturity() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 1, 100e18);
        uint256 lastMaturesAt = buyMany(mp, 20);
        vm.warp(lastMaturesAt + 1 hours);

        vm.recordLogs();
        assertEq(core(mp).poke(5), 15);
        uint256[] memory times = syncedTimes(mp, vm.getRecordedLogs());
        assertEq(times.length, 1);
        assertEq(times[0], ext(mp).purchase(6).maturesAt);
        assertEq(uint8(statusOf(mp, 6)), uint8(PurchaseStatus.Matured));
        assertEq(uint8(statusOf(mp, 7)), uint8(PurchaseStatus.Pending));

        vm.recordLogs();
        assertEq(core(mp).poke(16), 0);
        times = syncedTimes(mp, vm.getRecordedLogs());
        assertEq(times.length, 1);
        assertEq(times[0], block.timestamp);
        assertEq(ext(mp).purchase(21).accepted, 1e18);
        assertEq(uint8(statusOf(mp, 21)), uint8(PurchaseStatus.Matured));
        assertEq(core(mp).poke(16), 0);
    }

    function test_poke_maturesEachPurchaseAtItsOwnMaturity_acrossBatches() public {
        deposit(mp, alice, 1000e18);
        uint256 lastMaturesAt = buyMany(mp, 17);
        vm.warp(lastMaturesAt + 1 days);
        vm.recordLogs();
        assertEq(core(mp).poke(16), 1);
        assertEq(maturedAt(mp, vm.getRecordedLogs(), 16), lastMaturesAt - 1);
        assertEq(core(mp).poke(16), 0);
        assertEq(maturedAt(mp, vm.getRecordedLogs(), 17), lastMaturesAt);
        assertEq(ext(mp).pool(0).epochOpenedAt, lastMaturesAt - 16);
    }

    function test_poke_revertsInvalidMaxItems_atZeroAndSeventeen() public {
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.InvalidMaxItems.selector, 0));
        core(mp).poke(0);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.InvalidMaxItems.selector, 17));
        core(mp).poke(17);
        assertEq(core(mp).poke(16), 0);
    }

    /// Purchases that come due during a claim freeze never cause SyncRequired; after an invalid ruling they
    /// mature sixteen per call, at the ruling time.
    function test_sync_neverRevertsSyncRequired_forPurchasesFrozenByAPendingClaim() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 1, 100e18);
        uint256 lastMaturesAt = buyMany(mp, 17);
        uint256 claimId = fileClaim(mp, bob, 1);
        vm.warp(lastMaturesAt + 1 days);
        assertEq(requestWithdrawal(mp, alice, 1e18), 1);
        assertEq(uint8(statusOf(mp, 2)), uint8(PurchaseStatus.Pending));
        rule(mp, claimId, false);
        // Frozen purchases restart their delay at the ruling (revision 4): nothing is due until then.
        uint256 restartedAt = block.timestamp + 1 days;
        assertEq(requestWithdrawal(mp, alice, 1e18), 2);
        vm.warp(restartedAt);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.SyncRequired.selector, 1));
        vm.prank(alice);
        core(mp).requestWithdrawal(1e18);
        skip(1 hours);
        vm.recordLogs();
        assertEq(core(mp).poke(16), 1);
        assertEq(maturedAt(mp, vm.getRecordedLogs(), 2), restartedAt);
        assertEq(core(mp).poke(16), 0);
        assertEq(maturedAt(mp, vm.getRecordedLogs(), 18), restartedAt);
        assertEq(ext(mp).pool(0).epochOpenedAt, restartedAt);
    }

    // ----- refundPurchase -----

    function test_refundPurchase_revertsUnknownPurchase_forIdsNeverIssued() public {
        deposit(mp, alice, 1000e18);
        buy(mp, bob, 0, 1e18);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.UnknownPurchase.selector, 0));
        core(mp).refundPurchase(0);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.UnknownPurchase.selector, 2));
        core(mp).refundPurchase(2);
    }

    function test_refundPurchase_revertsPurchaseNotRefundable_whilePending() public {
        deposit(mp, alice, 1000e18);
        uint256 purchaseId = buy(mp, bob, 0, 1e18);
        uint256 maturesAt = block.timestamp + 1 days;
        skip(1 days - 1);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.PurchaseNotRefundable.selector, purchaseId, maturesAt));
        vm.prank(bob);
        core(mp).refundPurchase(purchaseId);
    }

    function test_refundPurchase_revertsNothingToRefund_whenFullyAccepted() public {
        deposit(mp, alice, 1000e18);
        uint256 purchaseId = buy(mp, bob, 0, 1e18);
        skip(1 days);
        // The refund's own sync matures it first.
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NothingToRefund.selector, purchaseId));
        vm.prank(bob);
        core(mp).refundPurchase(purchaseId);
        core(mp).poke(16);
        assertEq(ext(mp).purchase(purchaseId).accepted, 1e18);
    }

    /// carol buys in pool 1 for dave; bob's claim on pool 0 freezes maturing; once due, only carol takes it back.
    function test_refundPurchase_letsOnlyTheBuyerTakeBackAPurchaseFrozenDue() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        fund(carol, 50e18);
        vm.startPrank(carol);
        token.approve(mp, 50e18);
        uint256 purchaseId = core(mp).buyProtection(1, 50e18, dave);
        vm.stopPrank();
        uint256 maturesAt = block.timestamp + 1 days;
        skip(1 hours);
        uint256 claimId = fileClaim(mp, bob, 0);

        vm.warp(maturesAt - 1);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.PurchaseNotRefundable.selector, purchaseId, maturesAt));
        vm.prank(carol);
        core(mp).refundPurchase(purchaseId);

        vm.warp(maturesAt);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.OnlyBuyer.selector, purchaseId, carol));
        vm.prank(dave);
        core(mp).refundPurchase(purchaseId);
        vm.expectEmit(true, true, true, true, mp);
        emit IMetaPoolEvents.PurchaseRefunded(purchaseId, carol, 50e18);
        vm.prank(carol);
        assertEq(core(mp).refundPurchase(purchaseId), 50e18);
        assertEq(token.balanceOf(carol), 50e18);
        assertEq(ext(mp).pool(1).pending, 0);
        assertEq(ext(mp).metaPoolView().totalPending, 0);

        // After an invalid ruling the queue skips it.
        rule(mp, claimId, false);
        skip(1);
        core(mp).poke(16);
        assertEq(uint8(statusOf(mp, purchaseId)), uint8(PurchaseStatus.Refunded));
        assertEq(ext(mp).pool(1).active, 0);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NothingToRefund.selector, purchaseId));
        vm.prank(carol);
        core(mp).refundPurchase(purchaseId);
    }

    function test_refundPurchase_paysTheBuyerInFull_whoeverCalls_afterAValidClaim() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        fund(carol, 50e18);
        vm.startPrank(carol);
        token.approve(mp, 50e18);
        uint256 purchaseId = core(mp).buyProtection(1, 50e18, dave);
        vm.stopPrank();
        uint256 claimId = fileClaim(mp, bob, 0);
        vm.expectEmit(true, true, true, true, mp);
        emit IMetaPoolEvents.PurchasesVoided(purchaseId, purchaseId + 1, 50e18);
        vm.prank(arbiter);
        core(mp).resolveClaim(claimId, true);
        assertEq(ext(mp).pool(1).pending, 0);

        vm.prank(dave);
        assertEq(core(mp).refundPurchase(purchaseId), 50e18);
        assertEq(token.balanceOf(carol), 50e18);
        assertEq(token.balanceOf(dave), 0);
        assertEq(uint8(statusOf(mp, purchaseId)), uint8(PurchaseStatus.Refunded));
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NothingToRefund.selector, purchaseId));
        core(mp).refundPurchase(purchaseId);
        // Voided purchases never mature later.
        skip(2 days);
        core(mp).poke(16);
        assertEq(ext(mp).pool(1).active, 0);
    }

    function test_refundPurchase_paysPendingPurchasesInFull_afterShutdown() public {
        deposit(mp, alice, 1000e18);
        uint256 purchaseId = buy(mp, bob, 2, 70e18);
        vm.prank(arbiter);
        core(mp).shutdown();
        skip(2 days);
        vm.prank(carol);
        assertEq(core(mp).refundPurchase(purchaseId), 70e18);
        assertEq(token.balanceOf(bob), 70e18);
        assertEq(ext(mp).pool(2).active, 0);
    }

    // ----- withdrawProtection -----

    function test_withdrawProtection_paysTokensTimesActiveOverSupply_roundedDown() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        skip(10 days);
        uint256 active = ext(mp).pool(0).active;
        assertLt(active, 100e18);
        uint256 tokens = 33e18 + 7;
        uint256 expected = tokens * active / 100e18;
        assertEq(ext(mp).previewWithdrawProtection(0, tokens), expected);
        vm.expectEmit(true, true, true, true, mp);
        emit IMetaPoolEvents.ProtectionWithdrawn(
            0, 0, bob, carol, tokens, expected, 0, active - expected, 100e18 - tokens
        );
        vm.prank(bob);
        assertEq(core(mp).withdrawProtection(0, tokens, carol), expected);
        assertEq(token.balanceOf(carol), expected);
        assertEq(coverToken(mp, 0).balanceOf(bob), 100e18 - tokens);
        assertEq(coverToken(mp, 0).totalSupply(), 100e18 - tokens);
        assertEq(ext(mp).pool(0).active, active - expected);
        assertEq(ext(mp).pool(0).coverSupply, 100e18 - tokens);
    }

    function test_withdrawProtection_revertsInsufficientCover_withTheBalance() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.InsufficientCover.selector, 100e18 + 1, 100e18));
        vm.prank(bob);
        core(mp).withdrawProtection(0, 100e18 + 1, bob);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.InsufficientCover.selector, 1, 0));
        vm.prank(carol);
        core(mp).withdrawProtection(0, 1, carol);
        // A pool whose epoch never opened.
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.InsufficientCover.selector, 1, 0));
        vm.prank(bob);
        core(mp).withdrawProtection(2, 1, bob);
    }

    function test_withdrawProtection_closesTheEpoch_whenTheLastTokenLeaves() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        address first = address(coverToken(mp, 0));
        skip(1 days);
        uint256 active = ext(mp).pool(0).active;
        vm.expectEmit(true, true, true, true, mp);
        emit IMetaPoolEvents.CoverEpochClosed(0, 0, 0, 0, false);
        vm.prank(bob);
        assertEq(core(mp).withdrawProtection(0, 100e18, bob), active);
        assertEq(ext(mp).pool(0).epoch, 1);
        assertEq(ext(mp).pool(0).token, address(0));
        assertEq(ext(mp).pool(0).active, 0);
        assertEq(ext(mp).metaPoolView().totalActive, 0);

        buyActive(mp, carol, 0, 10e18);
        ICoverToken second = coverToken(mp, 0);
        assertTrue(address(second) != first);
        assertEq(second.symbol(), "cnpy-0-e1");
        assertEq(second.epoch(), 1);
        assertEq(ext(mp).coverToken(0, 0), first);
        assertEq(ext(mp).coverToken(0, 1), address(second));
        assertEq(ext(mp).pool(0).epochOpenedAt, block.timestamp);
    }

    /// While bob's claim on pool 0 is pending, carol leaves: she pays her share of the premium debt, rounded up,
    /// and is paid her share of K less the debt, rounded down.
    function test_withdrawProtection_whileAClaimIsPending_chargesTheTokensShareOfThePremiumDebt() public {
        deposit(mp, alice, 1000e18);
        buy(mp, bob, 0, 60e18);
        buyActive(mp, carol, 0, 40e18);
        fileClaim(mp, bob, 0);
        skip(10 days);
        uint256 active = ext(mp).pool(0).active;
        uint256 debt = ext(mp).pool(0).debt;
        assertEq(active, 100e18);
        assertGt(debt, 0);
        uint256 charged = (40e18 * debt - 1) / 100e18 + 1;
        uint256 assets = 40e18 * (active - debt) / 100e18;
        assertEq(ext(mp).previewWithdrawProtection(0, 40e18), assets);
        assertEq(coverToken(mp, 0).balanceOfUnderlying(carol), assets);
        uint256 capitalBefore = ext(mp).capital();

        vm.expectEmit(true, true, true, true, mp);
        emit IMetaPoolEvents.ProtectionWithdrawn(
            0, 0, carol, carol, 40e18, assets, charged, active - charged - assets, 60e18
        );
        vm.prank(carol);
        assertEq(core(mp).withdrawProtection(0, 40e18, carol), assets);
        assertEq(ext(mp).capital(), capitalBefore + charged - feeOf(charged, 500) - feeOf(charged, 500));
        assertEq(ext(mp).pool(0).debt, debt - charged);
    }

    // ----- cover tokens -----

    function test_coverToken_isNamedForThePool_symbolledByPoolAndEpoch_withTheAssetsDecimals() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        ICoverToken cover = coverToken(mp, 0);
        assertEq(cover.name(), "Canopy Pool 0 cover");
        assertEq(cover.symbol(), "cnpy-0-e0");
        assertEq(cover.decimals(), 18);
        assertEq(cover.metaPool(), mp);
        assertEq(cover.poolId(), 0);
        assertEq(cover.epoch(), 0);

        MockERC20 usd = new MockERC20("Six", "SIX", 6);
        address pool = createPool(specParams(usd, 3));
        usd.mint(alice, 1000e6);
        vm.startPrank(alice);
        usd.approve(pool, 1000e6);
        core(pool).deposit(1000e6, alice);
        vm.stopPrank();
        usd.mint(bob, 10e6);
        vm.startPrank(bob);
        usd.approve(pool, 10e6);
        core(pool).buyProtection(2, 10e6, bob);
        vm.stopPrank();
        skip(1 days);
        core(pool).poke(16);
        ICoverToken sixCover = coverToken(pool, 2);
        assertEq(sixCover.name(), "Canopy Pool 2 cover");
        assertEq(sixCover.symbol(), "cnpy-2-e0");
        assertEq(sixCover.decimals(), 6);
        assertEq(sixCover.balanceOf(bob), 10e6);
    }

    function test_coverToken_revertsOnlyMetaPool_forMintAndBurnByAnyoneElse() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        ICoverToken cover = coverToken(mp, 0);
        vm.expectRevert(abi.encodeWithSelector(CoverToken.OnlyMetaPool.selector, mp));
        vm.prank(bob);
        cover.mint(bob, 1);
        vm.expectRevert(abi.encodeWithSelector(CoverToken.OnlyMetaPool.selector, mp));
        vm.prank(arbiter);
        cover.burn(bob, 1);
    }

    function test_coverToken_transfersLikeAnErc20_andTheNewHolderCanWithdraw() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        ICoverToken cover = coverToken(mp, 0);
        vm.prank(bob);
        assertTrue(cover.transfer(carol, 30e18));
        uint256 active = ext(mp).pool(0).active;
        vm.prank(carol);
        assertEq(core(mp).withdrawProtection(0, 30e18, carol), 30e18 * active / 100e18);
    }

    function test_balanceOfUnderlying_isProjectedToNow_withoutASync() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        ICoverToken cover = coverToken(mp, 0);
        vm.prank(bob);
        cover.transfer(carol, 30e18);
        assertEq(cover.balanceOfUnderlying(bob), 70e18);
        skip(10 days);
        uint256 active = ext(mp).pool(0).active;
        assertLt(active, 100e18);
        uint256 bobUnderlying = 70e18 * active / 100e18;
        assertEq(cover.balanceOfUnderlying(bob), bobUnderlying);
        assertEq(cover.balanceOfUnderlying(carol), 30e18 * active / 100e18);
        core(mp).poke(16);
        assertEq(cover.balanceOfUnderlying(bob), bobUnderlying);
        assertEq(ext(mp).coverUnderlying(0, 0, 70e18), bobUnderlying);
    }

    // ----- lapse and closed epochs -----

    /// A flat 1 % a year on P = K (payoutMultiple 1): one sync, timed so premium leaves K just under 1e-9 of the
    /// supply, lapses the epoch; its holder redeems the dust and the next purchase opens epoch 1.
    function test_lapse_closesTheEpoch_redeemPayoutPaysTheDust_andTheNextPurchaseOpensANewEpoch() public {
        address pool = createPool(lapseParams(3));
        deposit(pool, alice, 1000e18);
        buyActive(pool, bob, 0, 100e18);
        ICoverToken first = coverToken(pool, 0);
        uint256 speed = ext(pool).pool(0).premiumSpeed;
        assertEq(speed, 0.01e18 * 100e18);

        uint256 dt = secondsToLeave(speed, 100e18, 100e18 / 2e9);
        uint256 dust = 100e18 - premiumFor(speed, dt);
        assertGt(dust, 0);
        assertLt(dust * 1e9, 100e18);
        skip(dt - 100);
        assertEq(ext(pool).pool(0).epoch, 0);
        skip(100);
        // Views already show the lapse.
        assertEq(ext(pool).pool(0).epoch, 1);
        assertEq(ext(pool).pool(0).active, 0);
        assertEq(first.balanceOfUnderlying(bob), dust);

        vm.expectEmit(true, true, true, true, pool);
        emit IMetaPoolEvents.CoverEpochClosed(0, 0, dust, 100e18, true);
        core(pool).poke(16);
        ClosedEpoch memory closed = ext(pool).closedEpoch(0, 0);
        assertEq(closed.remaining, dust);
        assertEq(closed.supply, 100e18);
        assertEq(ext(pool).pool(0).token, address(0));
        assertEq(ext(pool).metaPoolView().totalActive, 0);
        // A lapsed epoch has no claim rights.
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NoActiveCover.selector, 0));
        vm.prank(bob);
        core(pool).fileClaim(0, block.timestamp, "");

        vm.expectEmit(true, true, true, true, pool);
        emit IMetaPoolEvents.PayoutRedeemed(0, 0, bob, carol, 100e18, dust);
        vm.prank(bob);
        assertEq(ext(pool).redeemPayout(0, 0, carol), dust);
        assertEq(token.balanceOf(carol), dust);
        assertEq(first.balanceOf(bob), 0);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NothingToRedeem.selector, 0, 0));
        vm.prank(bob);
        ext(pool).redeemPayout(0, 0, bob);

        buyActive(pool, bob, 0, 100e18);
        ICoverToken second = coverToken(pool, 0);
        assertTrue(address(second) != address(first));
        assertEq(second.symbol(), "cnpy-0-e1");
        assertEq(second.balanceOf(bob), 100e18);
        assertEq(ext(pool).pool(0).epochOpenedAt, block.timestamp);
    }

    /// The same lapse at a supply of 2e27 (2e9 tokens), where the sync's lapse pre-check is rounded up (above 2^50,
    /// see LapseHint): a sync that leaves K at or above 1e-9 of the supply keeps the epoch open, one that leaves it
    /// below closes it, and each sync leaves exactly what the views projected before it.
    function test_lapse_atALargeSupply_closesExactlyWhenKFallsBelowTheThreshold() public {
        address pool = createPool(lapseParams(3));
        deposit(pool, alice, 20e27);
        buyActive(pool, bob, 0, 2e27);
        uint256 speed = ext(pool).pool(0).premiumSpeed;
        uint256 threshold = 2e27 / 1e9;
        // Leave K a little above the threshold, then take it below.
        uint256 dt = secondsToLeave(speed, 2e27, threshold + threshold / 10);
        skip(dt);
        PoolView memory projected = ext(pool).pool(0);
        assertGe(projected.active * 1e9, 2e27, "still open");
        core(pool).poke(16);
        assertEq(ext(pool).pool(0).epoch, 0);
        assertEq(ext(pool).pool(0).active, projected.active);

        // The sync fixed a new speed from the K it left (P = K at payoutMultiple 1).
        speed = ext(pool).pool(0).premiumSpeed;
        skip(secondsToLeave(speed, projected.active, threshold / 2));
        projected = ext(pool).pool(0);
        assertEq(projected.epoch, 1, "views show the lapse");
        vm.expectEmit(true, true, true, false, pool);
        emit IMetaPoolEvents.CoverEpochClosed(0, 0, 0, 2e27, true);
        core(pool).poke(16);
        ClosedEpoch memory closed = ext(pool).closedEpoch(0, 0);
        assertEq(closed.supply, 2e27);
        assertLt(closed.remaining * 1e9, 2e27);
        assertEq(ext(pool).pool(0).epoch, 1);
        assertEq(ext(pool).metaPoolView().totalActive, 0);
    }

    function test_redeemPayout_revertsEpochNotClosed_forTheCurrentAndLaterEpochs() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.EpochNotClosed.selector, 0, 0));
        vm.prank(bob);
        ext(mp).redeemPayout(0, 0, bob);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.EpochNotClosed.selector, 0, 9));
        vm.prank(bob);
        ext(mp).redeemPayout(0, 9, bob);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.InvalidPoolId.selector, 3, 3));
        vm.prank(bob);
        ext(mp).redeemPayout(3, 0, bob);
        vm.expectRevert(IMetaPoolErrors.ZeroAddress.selector);
        vm.prank(bob);
        ext(mp).redeemPayout(0, 0, address(0));
    }

    /// Zero rates, C = 1 000, K = 100 held 60/40: a valid claim pays P = 1 000; the tokens redeem 1 100 pro rata.
    function test_redeemPayout_paysEachHolderTheirShare_afterAValidClaim_andNothingToOthers() public {
        address pool = zeroRatePool(3);
        deposit(pool, alice, 1000e18);
        buy(pool, bob, 0, 60e18);
        buyActive(pool, carol, 0, 40e18);
        uint256 claimId = fileClaim(pool, bob, 0);
        rule(pool, claimId, true);
        assertEq(ext(pool).closedEpoch(0, 0).remaining, 1100e18);
        assertEq(ext(pool).pool(0).token, address(0));
        assertEq(ICoverToken(ext(pool).coverToken(0, 0)).balanceOfUnderlying(bob), 660e18);

        vm.prank(bob);
        assertEq(ext(pool).redeemPayout(0, 0, bob), 660e18);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NothingToRedeem.selector, 0, 0));
        vm.prank(dave);
        ext(pool).redeemPayout(0, 0, dave);
        vm.prank(carol);
        assertEq(ext(pool).redeemPayout(0, 0, carol), 440e18);
        assertEq(ext(pool).closedEpoch(0, 0).remaining, 0);
        (,, uint256 redeemable,) = ext(pool).liabilities();
        assertEq(redeemable, 0);
    }

    function test_redeemPayout_revertsNothingToRedeem_forAnEpochClosedEmpty() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        vm.prank(bob);
        core(mp).withdrawProtection(0, 100e18, bob);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NothingToRedeem.selector, 0, 0));
        vm.prank(bob);
        ext(mp).redeemPayout(0, 0, bob);
    }
}
