// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../../src/interfaces/ICoverToken.sol";
import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {BuyQuote, Purchase, PurchaseStatus} from "../../src/interfaces/MetaPoolTypes.sol";
import {ProtectionTestBase} from "../utils/ProtectionTestBase.sol";

/// @notice SPEC §5: buying protection: the escrow, the cover's receiver, and every reason a purchase is refused.
contract ProtectionPurchaseTest is ProtectionTestBase {
    function expectBuyRevert(address pool, address who, uint256 poolId, uint256 amount, bytes memory err) internal {
        fund(who, amount);
        vm.prank(who);
        token.approve(pool, amount);
        vm.expectRevert(err);
        vm.prank(who);
        core(pool).buyProtection(poolId, amount, who);
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
}
