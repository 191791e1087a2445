// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {PurchaseStatus} from "../../src/interfaces/MetaPoolTypes.sol";
import {ProtectionTestBase} from "../utils/ProtectionTestBase.sol";

/// @notice SPEC §5: refunding a purchase: what is refundable, when, and to whom.
contract ProtectionRefundsTest is ProtectionTestBase {
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
}
