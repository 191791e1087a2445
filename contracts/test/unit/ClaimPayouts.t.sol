// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../../src/interfaces/ICoverToken.sol";
import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {MetaPoolParams} from "../../src/interfaces/MetaPoolTypes.sol";
import {Example1TestBase} from "../utils/Example1TestBase.sol";

/// @notice SPEC §7: what a valid claim pays: the payout formula, redeeming it, closing the share epoch, and the
/// books through a whole claim's life.
contract ClaimPayoutsTest is Example1TestBase {
    // ----- redeeming payouts -----

    function test_redeemPayout_afterAValidClaim_paysWhoeverHoldsTheTokensProRata() public {
        address mp = _example1Flat();
        uint256 claimId = fileClaim(mp, bob, 0);
        ICoverToken cover = coverToken(mp, 0);
        vm.prank(bob);
        assertTrue(cover.transfer(carol, 30e18));
        rule(mp, claimId, true);
        // Transfers after the ruling count too.
        vm.prank(bob);
        assertTrue(cover.transfer(dave, 10e18));

        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.PayoutRedeemed(0, 0, carol, carol, 30e18, 270e18);
        vm.prank(carol);
        assertEq(ext(mp).redeemPayout(0, 0, carol), 270e18);
        vm.prank(dave);
        assertEq(ext(mp).redeemPayout(0, 0, dave), 90e18);
        vm.prank(bob);
        assertEq(ext(mp).redeemPayout(0, 0, bob), 540e18);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NothingToRedeem.selector, 0, 0));
        vm.prank(bob);
        ext(mp).redeemPayout(0, 0, bob);
    }

    // ----- payout formula -----

    function _payoutOf(uint16 payoutMultiple, uint256 capital, uint256 cover)
        internal
        returns (address mp, uint256 payout)
    {
        MetaPoolParams memory p = specParams(token, 3);
        p.curve = zeroCurve();
        p.payoutMultiple = payoutMultiple;
        uint256[] memory covers = sameCovers(3, 100e18);
        covers[0] = cover;
        mp = createWithCover(p, capital, covers);
        (payout,) = ext(mp).previewPayout(0);
        assertEq(ext(mp).pool(0).payout, payout);
        uint256 before = ext(mp).capital();
        rule(mp, fileClaim(mp, bob, 0), true);
        assertEq(before - ext(mp).capital(), payout);
        assertEq(ext(mp).closedEpoch(0, 0).remaining, cover + payout);
    }

    function test_resolveClaim_payoutMultipleZero_paysKPlusAllFreeCapital() public {
        (address mp, uint256 payout) = _payoutOf(0, 1000e18, 150e18);
        assertEq(payout, 150e18 + 650e18);
        assertEq(ext(mp).capital(), 200e18);
    }

    function test_resolveClaim_payoutMultipleOne_paysOnlyK() public {
        (address mp, uint256 payout) = _payoutOf(1, 1000e18, 100e18);
        assertEq(payout, 100e18);
        assertEq(ext(mp).capital(), 900e18);
    }

    function test_resolveClaim_payoutMultipleThree_capsTheExtraAtTwiceK() public {
        (address mp, uint256 payout) = _payoutOf(3, 1000e18, 100e18);
        assertEq(payout, 100e18 + 200e18);
        assertEq(ext(mp).capital(), 700e18);
    }

    function test_resolveClaim_payoutMultipleThree_isLimitedByFreeCapital() public {
        (address mp, uint256 payout) = _payoutOf(3, 1000e18, 400e18);
        // F = 1 000 − 600 = 400 < 2 × 400.
        assertEq(payout, 400e18 + 400e18);
        assertEq(ext(mp).capital(), 200e18);
        assertEq(ext(mp).freeCapital(), 0);
    }

    // ----- share epochs -----

    function test_resolveClaim_takingAllCapital_closesTheShareEpoch() public {
        address mp = createWithCover(specParams(token, 1), 1000e18, sameCovers(1, 100e18));
        uint256 requestId = requestWithdrawal(mp, alice, 200e18);
        uint256 claimId = fileClaim(mp, bob, 0);
        vm.expectEmit(true, false, false, true, mp);
        emit IMetaPoolEvents.ShareEpochClosed(0, 1, 0, 1000e18);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.ClaimResolved(claimId, 0, true, 1000e18, 1100e18, 0, 0);
        rule(mp, claimId, true);
        assertEq(ext(mp).metaPoolView().shareEpoch, 1);
        assertEq(ext(mp).totalSupply(), 0);
        assertEq(ext(mp).balanceOf(alice), 0);
        // Requested shares convert too.
        assertEq(ext(mp).withdrawalRequest(requestId).shares, 0);
        assertEq(deposit(mp, carol, 100e18), 100e18);
        assertEq(ext(mp).convertToAssets(100e18), 100e18);
    }

    /// payoutMultiple 2 and K = (C − left) / 2, so a valid claim takes P = 2K and leaves exactly `left`.
    function _coverLeaving(uint256 left) internal returns (address mp, uint256 claimId) {
        MetaPoolParams memory p = specParams(token, 1);
        p.curve = zeroCurve();
        p.payoutMultiple = 2;
        mp = createWithCover(p, 1000e18, sameCovers(1, (1000e18 - left) / 2));
        claimId = fileClaim(mp, bob, 0);
    }

    function test_resolveClaim_leavingLessThanABillionthOfTheShares_closesTheShareEpoch() public {
        uint256 left = 1e12 - 2;
        (address mp, uint256 claimId) = _coverLeaving(left);
        vm.expectEmit(true, false, false, true, mp);
        emit IMetaPoolEvents.ShareEpochClosed(0, 1, left, 1000e18);
        rule(mp, claimId, true);
        assertEq(ext(mp).capital(), left);
        assertEq(ext(mp).metaPoolView().shareEpoch, 1);
        // Value unchanged: alice's shares convert 1:1 into the remainder.
        assertEq(ext(mp).totalSupply(), left);
        assertEq(ext(mp).balanceOf(alice), left);
        assertEq(ext(mp).convertToAssets(left), left);
    }

    function test_resolveClaim_leavingExactlyABillionthOfTheShares_keepsTheShareEpoch() public {
        (address mp, uint256 claimId) = _coverLeaving(1e12);
        rule(mp, claimId, true);
        assertEq(ext(mp).capital(), 1e12);
        assertEq(ext(mp).metaPoolView().shareEpoch, 0);
        assertEq(ext(mp).totalSupply(), 1000e18);
        assertEq(ext(mp).balanceOf(alice), 1000e18);
    }

    // ----- books -----

    function test_claims_throughFilingRulingsRedemptionsAndFees_keepTheBooksExact() public {
        address mp = _example1();
        buy(mp, carol, 2, 50e18);
        skip(5 hours);
        uint256 first = fileClaim(mp, bob, 0);
        uint256 second = fileClaim(mp, bob, 1);
        assertBooks(mp);
        skip(3 days);
        vm.prank(bob);
        core(mp).withdrawProtection(1, 33e18, bob);
        assertBooks(mp);
        rule(mp, first, false);
        assertBooks(mp);
        skip(7 days);
        rule(mp, second, true);
        assertBooks(mp);
        vm.prank(bob);
        ext(mp).redeemPayout(1, 0, bob);
        core(mp).refundPurchase(4);
        assertBooks(mp);
        skip(30 days);
        vm.prank(arbiter);
        ext(mp).claimFees(arbiter);
        vm.prank(bob);
        ext(mp).claimFees(bob);
        assertBooks(mp);
        // What the redemption left behind is only the closed epoch's rounding dust.
        assertLe(ext(mp).closedEpoch(1, 0).remaining, 1);
    }
}
