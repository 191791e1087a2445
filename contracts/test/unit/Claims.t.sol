// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../../src/interfaces/ICoverToken.sol";
import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {Claim, ClaimStatus, MetaPoolParams, PurchaseStatus} from "../../src/interfaces/MetaPoolTypes.sol";
import {MetaPoolTestBase} from "../utils/MetaPoolTestBase.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

/// @notice SPEC §7: filing and ruling on claims, the freeze, premium debt, bonds, payouts and epochs.
contract ClaimsTest is MetaPoolTestBase {
    string internal constant EVIDENCE = "https://example.org/post-mortem";

    /// SPEC §9 example 3: one day of premium on a pool of example 1 (K 100, P 800, r 3.25 %).
    uint256 internal constant DAY_PREMIUM = 71_232_876_712_328_768;
    uint256 internal constant DAY_FEE = 3_561_643_835_616_438;
    uint256 internal constant DAY_TO_CAPITAL = 64_109_589_041_095_892;
    uint256 internal constant DAY_ACTIVE = 99_928_767_123_287_671_232;

    /// SPEC §9 example 1 (C 1 000, three pools of 100) with the example curve, matured this second.
    function _example1() internal returns (address mp) {
        return createWithCover(specParams(token, 3), 1000e18, sameCovers(3, 100e18));
    }

    /// Example 1 with every rate zero, so amounts do not move with time.
    function _example1Flat() internal returns (address mp) {
        MetaPoolParams memory p = specParams(token, 3);
        p.curve = zeroCurve();
        return createWithCover(p, 1000e18, sameCovers(3, 100e18));
    }

    /// One pool: C 1 000, K 100 (so P 1 000) at a flat 1 000 % a year: speed 1e40 WAD-assets a year.
    function _expensive() internal returns (address mp) {
        MetaPoolParams memory p = specParams(token, 1);
        p.curve = flatCurve(10e18);
        return createWithCover(p, 1000e18, sameCovers(1, 100e18));
    }

    function _approveBond(address mp, address who) internal {
        uint256 bond = ext(mp).params().claimBond;
        fund(who, bond);
        vm.prank(who);
        token.approve(mp, bond);
    }

    function _expectFileRevert(address mp, address who, uint256 poolId, uint256 incidentTime, bytes memory err)
        internal
    {
        _approveBond(mp, who);
        vm.expectRevert(err);
        vm.prank(who);
        core(mp).fileClaim(poolId, incidentTime, EVIDENCE);
    }

    // ----- fileClaim: reverts -----

    function test_fileClaim_onAPoolThatDoesNotExist_revertsInvalidPoolId() public {
        address mp = _example1();
        _expectFileRevert(
            mp, bob, 3, block.timestamp, abi.encodeWithSelector(IMetaPoolErrors.InvalidPoolId.selector, 3, 3)
        );
    }

    function test_fileClaim_onAPoolWithAPendingClaim_revertsPoolClaimPendingWithItsId() public {
        address mp = _example1();
        fileClaim(mp, bob, 1);
        uint256 claimId = fileClaim(mp, bob, 0);
        assertEq(claimId, 2);
        _expectFileRevert(
            mp, bob, 0, block.timestamp, abi.encodeWithSelector(IMetaPoolErrors.PoolClaimPending.selector, 0, 2)
        );
    }

    function test_fileClaim_onAPoolWithNoCover_revertsNoActiveCover() public {
        uint256[] memory covers = sameCovers(3, 100e18);
        covers[1] = 0;
        address mp = createWithCover(specParams(token, 3), 1000e18, covers);
        _expectFileRevert(
            mp, bob, 1, block.timestamp, abi.encodeWithSelector(IMetaPoolErrors.NoActiveCover.selector, 1)
        );
    }

    function test_fileClaim_byAnAccountWithoutCover_revertsNotCoverHolder() public {
        address mp = _example1();
        _expectFileRevert(
            mp, dave, 0, block.timestamp, abi.encodeWithSelector(IMetaPoolErrors.NotCoverHolder.selector, 0)
        );
    }

    function test_fileClaim_byAHolderOfAClosedEpochOnly_revertsNotCoverHolder() public {
        address mp = _example1Flat();
        rule(mp, fileClaim(mp, bob, 0), true);
        deposit(mp, dave, 100e18);
        buy(mp, carol, 0, 50e18);
        skip(1 days);
        core(mp).poke(16);
        assertEq(ext(mp).pool(0).epoch, 1);
        // bob still holds epoch 0's tokens, which are not cover any more.
        assertEq(ICoverToken(ext(mp).coverToken(0, 0)).balanceOf(bob), 100e18);
        _expectFileRevert(
            mp, bob, 0, block.timestamp, abi.encodeWithSelector(IMetaPoolErrors.NotCoverHolder.selector, 0)
        );
    }

    function test_fileClaim_namingAnIncidentBeforeTheEpochOpened_revertsIncidentBeforeEpoch() public {
        address mp = _example1();
        uint256 openedAt = block.timestamp;
        assertEq(ext(mp).pool(0).epochOpenedAt, openedAt);
        skip(1 hours);
        _expectFileRevert(
            mp,
            bob,
            0,
            openedAt - 1,
            abi.encodeWithSelector(IMetaPoolErrors.IncidentBeforeEpoch.selector, openedAt - 1, openedAt)
        );
        // The opening second itself is in.
        assertEq(fileClaimAt(mp, bob, 0, openedAt), 1);
    }

    function test_fileClaim_namingAnIncidentBeforeANewEpochOpened_revertsIncidentBeforeEpoch() public {
        address mp = _example1Flat();
        uint256 firstOpened = block.timestamp;
        rule(mp, fileClaim(mp, bob, 0), true);
        deposit(mp, dave, 100e18);
        buy(mp, carol, 0, 50e18);
        skip(1 days);
        core(mp).poke(16);
        uint256 reopened = block.timestamp;
        assertEq(ext(mp).pool(0).epochOpenedAt, reopened);
        _expectFileRevert(
            mp,
            carol,
            0,
            firstOpened,
            abi.encodeWithSelector(IMetaPoolErrors.IncidentBeforeEpoch.selector, firstOpened, reopened)
        );
    }

    function test_fileClaim_namingAnIncidentInTheFuture_revertsIncidentInFuture() public {
        address mp = _example1();
        skip(1 hours);
        uint256 nowTime = block.timestamp;
        _expectFileRevert(
            mp,
            bob,
            0,
            nowTime + 1,
            abi.encodeWithSelector(IMetaPoolErrors.IncidentInFuture.selector, nowTime + 1, nowTime)
        );
        // Now itself is in.
        assertEq(fileClaimAt(mp, bob, 0, nowTime), 1);
    }

    function test_fileClaim_withEvidenceOver1024Bytes_revertsEvidenceTooLong() public {
        address mp = _example1();
        _approveBond(mp, bob);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.EvidenceTooLong.selector, 1025, 1024));
        vm.prank(bob);
        core(mp).fileClaim(0, block.timestamp, string(new bytes(1025)));
        // Exactly 1 024 bytes is accepted.
        vm.prank(bob);
        assertEq(core(mp).fileClaim(0, block.timestamp, string(new bytes(1024))), 1);
    }

    function test_fileClaim_withoutApprovingTheBond_reverts() public {
        address mp = _example1();
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, mp, 0, 1e18));
        vm.prank(bob);
        core(mp).fileClaim(0, block.timestamp, EVIDENCE);
    }

    // ----- fileClaim: effects -----

    function test_fileClaim_takesTheBondRecordsTheClaimAndEmitsClaimFiled() public {
        address mp = _example1();
        uint256 incident = block.timestamp;
        skip(2 hours);
        _approveBond(mp, bob);
        uint256 bobBefore = token.balanceOf(bob);
        uint256 poolBefore = token.balanceOf(mp);

        vm.expectEmit(true, true, true, true, mp);
        emit IMetaPoolEvents.ClaimFiled(1, 2, 0, bob, uint40(incident), 1e18, keccak256(bytes(EVIDENCE)), EVIDENCE);
        vm.prank(bob);
        uint256 claimId = core(mp).fileClaim(2, incident, EVIDENCE);

        assertEq(claimId, 1);
        assertEq(bobBefore - token.balanceOf(bob), 1e18);
        assertEq(token.balanceOf(mp) - poolBefore, 1e18);
        (, uint256 bondsHeld,,) = ext(mp).liabilities();
        assertEq(bondsHeld, 1e18);
        Claim memory c = ext(mp).claim(1);
        assertEq(c.filer, bob);
        assertEq(c.poolId, 2);
        assertEq(uint8(c.status), uint8(ClaimStatus.Pending));
        assertEq(c.filedAt, block.timestamp);
        assertEq(c.incidentTime, incident);
        assertEq(c.epoch, 0);
        assertEq(c.resolvedAt, 0);
        assertEq(c.bond, 1e18);
        assertEq(c.evidenceHash, keccak256(bytes(EVIDENCE)));
        assertEq(ext(mp).pool(2).pendingClaimId, 1);
        // The bond is held apart: capital moved by two hours of premium only.
        uint256 premium = premiumFor(800e18 * uint256(0.0325e18), 2 hours);
        assertEq(ext(mp).capital(), 1000e18 + 3 * (premium - 2 * feeOf(premium, 500)));
    }

    function test_fileClaim_onAnotherPoolWhileAClaimIsPending_isAllowedWithTheNextId() public {
        address mp = _example1();
        assertEq(fileClaim(mp, bob, 0), 1);
        assertEq(fileClaim(mp, bob, 2), 2);
        (uint256 firstPending, uint256 nextClaimId, uint256 pending) = ext(mp).claimQueue();
        assertEq(firstPending, 1);
        assertEq(nextClaimId, 3);
        assertEq(pending, 2);
    }

    // ----- resolveClaim: reverts and order -----

    function test_resolveClaim_byAnyoneButTheArbiter_revertsNotArbiter() public {
        address mp = _example1();
        uint256 claimId = fileClaim(mp, bob, 0);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NotArbiter.selector, arbiter));
        vm.prank(creator);
        core(mp).resolveClaim(claimId, true);
    }

    function test_resolveClaim_onAnUnknownClaim_revertsClaimNotPending() public {
        address mp = _example1();
        fileClaim(mp, bob, 0);
        vm.startPrank(arbiter);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.ClaimNotPending.selector, 0));
        core(mp).resolveClaim(0, true);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.ClaimNotPending.selector, 2));
        core(mp).resolveClaim(2, false);
        vm.stopPrank();
    }

    function test_resolveClaim_onAClaimAlreadyRuled_revertsClaimNotPending() public {
        address mp = _example1();
        uint256 claimId = fileClaim(mp, bob, 0);
        rule(mp, claimId, false);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.ClaimNotPending.selector, claimId));
        vm.prank(arbiter);
        core(mp).resolveClaim(claimId, true);
    }

    function test_resolveClaim_outOfFilingOrder_revertsEarlierClaimPendingWithTheFirstId() public {
        address mp = _example1();
        fileClaim(mp, bob, 1);
        fileClaim(mp, bob, 0);
        fileClaim(mp, bob, 2);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.EarlierClaimPending.selector, 1));
        vm.prank(arbiter);
        core(mp).resolveClaim(2, true);
        rule(mp, 1, false);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.EarlierClaimPending.selector, 2));
        vm.prank(arbiter);
        core(mp).resolveClaim(3, true);
        rule(mp, 2, false);
        rule(mp, 3, false);
        (uint256 firstPending,, uint256 pending) = ext(mp).claimQueue();
        assertEq(firstPending, 4);
        assertEq(pending, 0);
    }

    function test_resolveClaim_twoValidClaims_theFirstTakesTheUnusedCapital() public {
        address mp = _example1Flat();
        fileClaim(mp, bob, 0);
        fileClaim(mp, bob, 1);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.ClaimResolved(1, 0, true, 800e18, 900e18, 0, 200e18);
        rule(mp, 1, true);
        // Pool B's payout is now its own cover only: F = 200 − 200 = 0.
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.ClaimResolved(2, 1, true, 100e18, 200e18, 0, 100e18);
        rule(mp, 2, true);
        assertEq(ext(mp).capital(), 100e18);
        assertEq(ext(mp).pool(2).active, 100e18);
    }

    // ----- rulings: events and state -----

    function test_resolveClaim_valid_emitsEpochClosedAndResolvedAndResetsThePool() public {
        address mp = _example1Flat();
        uint256 claimId = fileClaim(mp, bob, 0);
        skip(3 hours);
        vm.expectEmit(true, false, false, true, mp);
        emit IMetaPoolEvents.CoverEpochClosed(0, 0, 900e18, 100e18, false);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.ClaimResolved(claimId, 0, true, 800e18, 900e18, 0, 200e18);
        rule(mp, claimId, true);

        Claim memory c = ext(mp).claim(claimId);
        assertEq(uint8(c.status), uint8(ClaimStatus.Valid));
        assertEq(c.resolvedAt, block.timestamp);
        assertEq(ext(mp).lastRulingAt(), block.timestamp);
        assertEq(ext(mp).pool(0).epoch, 1);
        assertEq(ext(mp).pool(0).active, 0);
        assertEq(ext(mp).pool(0).pending, 0);
        assertEq(ext(mp).pool(0).token, address(0));
        assertEq(ext(mp).pool(0).pendingClaimId, 0);
        assertEq(ext(mp).metaPoolView().totalActive, 200e18);
        (,, uint256 redeemableTotal,) = ext(mp).liabilities();
        assertEq(redeemableTotal, 900e18);
        // The MetaPool goes on: new capital, and a new purchase opens epoch 1.
        deposit(mp, dave, 100e18);
        buy(mp, carol, 0, 10e18);
        skip(1 days);
        core(mp).poke(16);
        assertEq(ext(mp).pool(0).epoch, 1);
        assertEq(coverToken(mp, 0).symbol(), "cnpy-0-e1");
        assertEq(coverToken(mp, 0).balanceOf(carol), 10e18);
    }

    function test_resolveClaim_invalid_emitsResolvedWithTheChargedDebtAndKeepsTheEpoch() public {
        address mp = _example1Flat();
        uint256 claimId = fileClaim(mp, bob, 0);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.ClaimResolved(claimId, 0, false, 0, 0, 0, 1001e18);
        rule(mp, claimId, false);
        assertEq(uint8(ext(mp).claim(claimId).status), uint8(ClaimStatus.Invalid));
        assertEq(ext(mp).claim(claimId).resolvedAt, block.timestamp);
        assertEq(ext(mp).pool(0).epoch, 0);
        assertEq(ext(mp).pool(0).active, 100e18);
        assertEq(ext(mp).pool(0).pendingClaimId, 0);
    }

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

    // ----- premium debt during a pending claim -----

    function test_pendingClaim_accruesThePoolsPremiumAsDebtWithoutChargingIt() public {
        address mp = _example1();
        fileClaim(mp, bob, 0);
        skip(1 days);
        uint256[] memory active = new uint256[](3);
        uint256[] memory debt = new uint256[](3);
        (active[0], active[1], active[2]) = (100e18, DAY_ACTIVE, DAY_ACTIVE);
        debt[0] = DAY_PREMIUM;
        uint256 capitalAfter = 1000e18 + 2 * DAY_TO_CAPITAL;
        vm.expectEmit(false, false, false, true, mp);
        emit IMetaPoolEvents.Synced(
            uint40(block.timestamp),
            capitalAfter,
            syncedPools(active, debt),
            2 * DAY_TO_CAPITAL,
            2 * DAY_FEE,
            2 * DAY_FEE
        );
        core(mp).poke(16);

        assertEq(ext(mp).pool(0).active, 100e18);
        assertEq(ext(mp).pool(0).debt, DAY_PREMIUM);
        assertEq(ext(mp).pool(1).active, DAY_ACTIVE);
        assertEq(ext(mp).pool(1).debt, 0);
        assertEq(ext(mp).capital(), capitalAfter);
        assertEq(ext(mp).feesOwed(arbiter), 2 * DAY_FEE);
        // Holders see their underlying net of the debt.
        assertEq(coverToken(mp, 0).balanceOfUnderlying(bob), 100e18 - DAY_PREMIUM);
    }

    function test_resolveClaim_invalid_chargesTheDebtFromKSplitAsPremium() public {
        address mp = _example1();
        uint256 claimId = fileClaim(mp, bob, 0);
        skip(1 days);
        // Pools B and C were charged by the sync, pool A's debt by the ruling, plus the bond.
        uint256 capitalAfter = 1000e18 + 3 * DAY_TO_CAPITAL + 1e18;
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.ClaimResolved(claimId, 0, false, 0, 0, DAY_PREMIUM, capitalAfter);
        rule(mp, claimId, false);

        assertEq(ext(mp).pool(0).active, DAY_ACTIVE);
        assertEq(ext(mp).pool(0).active, ext(mp).pool(1).active);
        assertEq(ext(mp).pool(0).debt, 0);
        assertEq(ext(mp).capital(), capitalAfter);
        assertEq(ext(mp).feesOwed(arbiter), 3 * DAY_FEE);
        assertEq(ext(mp).feesOwed(creator), 3 * DAY_FEE);
        assertEq(ext(mp).metaPoolView().totalActive, 3 * DAY_ACTIVE);
    }

    function test_pendingClaim_cannotLapseThePool_evenWhenItsDebtExceedsK() public {
        address mp = _expensive();
        fileClaim(mp, bob, 0);
        // Unclaimed, 1 000 %/yr on P = 1 000 would eat K = 100 within 4 days.
        skip(29 days);
        core(mp).poke(16);
        assertEq(ext(mp).pool(0).epoch, 0);
        assertEq(ext(mp).pool(0).active, 100e18);
        assertEq(ext(mp).pool(0).debt, premiumFor(1e40, 29 days));
        assertGt(ext(mp).pool(0).debt, 100e18);
        assertEq(coverToken(mp, 0).balanceOfUnderlying(bob), 0);
    }

    function test_resolveClaim_invalid_withDebtBeyondK_chargesKAndLapsesThePool() public {
        address mp = _expensive();
        uint256 claimId = fileClaim(mp, bob, 0);
        skip(30 days);
        assertEq(ext(mp).pool(0).debt, premiumFor(1e40, 30 days));
        // K is charged in full (90 to C, 5 + 5 in fees); the bond still goes to C.
        vm.expectEmit(true, false, false, true, mp);
        emit IMetaPoolEvents.CoverEpochClosed(0, 0, 0, 100e18, true);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.ClaimResolved(claimId, 0, false, 0, 0, 100e18, 1091e18);
        rule(mp, claimId, false);

        assertEq(ext(mp).capital(), 1091e18);
        assertEq(ext(mp).feesOwed(arbiter), 5e18);
        assertEq(ext(mp).pool(0).epoch, 1);
        assertEq(ext(mp).pool(0).active, 0);
        assertEq(ext(mp).pool(0).debt, 0);
        assertEq(ext(mp).metaPoolView().totalActive, 0);
        assertEq(ext(mp).closedEpoch(0, 0).supply, 100e18);
        assertEq(ext(mp).closedEpoch(0, 0).remaining, 0);
    }

    function test_resolveClaim_valid_chargesTheDebtOutOfTheRedemption() public {
        address mp = _example1();
        uint256 claimId = fileClaim(mp, bob, 0);
        skip(1 days);
        uint256 capitalSynced = 1000e18 + 2 * DAY_TO_CAPITAL;
        // P = K_A + F = C − K_B − K_C.
        uint256 payout = capitalSynced - 2 * DAY_ACTIVE;
        uint256 redeemable = 100e18 + payout - DAY_PREMIUM;
        uint256 capitalAfter = capitalSynced - payout + DAY_TO_CAPITAL;
        assertEq(capitalAfter, 2 * DAY_ACTIVE + DAY_TO_CAPITAL);

        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.ClaimResolved(claimId, 0, true, payout, redeemable, DAY_PREMIUM, capitalAfter);
        rule(mp, claimId, true);

        assertEq(ext(mp).capital(), capitalAfter);
        assertEq(ext(mp).feesOwed(arbiter), 3 * DAY_FEE);
        assertEq(ext(mp).closedEpoch(0, 0).remaining, redeemable);
        vm.prank(bob);
        assertEq(ext(mp).redeemPayout(0, 0, bob), redeemable);
    }

    function test_resolveClaim_valid_withDebtBeyondKPlusP_chargesAtMostKPlusP() public {
        address mp = _expensive();
        uint256 claimId = fileClaim(mp, bob, 0);
        skip(45 days);
        assertGt(premiumFor(1e40, 45 days), 1100e18);
        // P = 1 000 leaves C; K + P = 1 100 is charged as premium: 990 back to C, 55 + 55 in fees.
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.ClaimResolved(claimId, 0, true, 1000e18, 0, 1100e18, 990e18);
        rule(mp, claimId, true);
        assertEq(ext(mp).capital(), 990e18);
        assertEq(ext(mp).feesOwed(arbiter), 55e18);
        assertEq(ext(mp).feesOwed(creator), 55e18);
        assertEq(ext(mp).closedEpoch(0, 0).remaining, 0);
    }

    function test_withdrawProtection_duringAPendingClaim_chargesTheTokensShareOfTheDebtRoundedUp() public {
        address mp = _example1();
        fileClaim(mp, bob, 0);
        skip(1 days);
        uint256 charged = (40e18 * DAY_PREMIUM + 100e18 - 1) / 100e18;
        uint256 paid = 40e18 * (100e18 - DAY_PREMIUM) / 100e18;
        assertEq(ext(mp).previewWithdrawProtection(0, 40e18), paid);

        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.ProtectionWithdrawn(0, 0, bob, bob, 40e18, paid, charged, 100e18 - charged - paid, 60e18);
        vm.prank(bob);
        assertEq(core(mp).withdrawProtection(0, 40e18, bob), paid);
        assertEq(ext(mp).pool(0).debt, DAY_PREMIUM - charged);
        assertEq(ext(mp).feesOwed(arbiter), 2 * DAY_FEE + feeOf(charged, 500));
    }

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

    // ----- bonds -----

    function test_resolveClaim_valid_creditsTheBondBackToTheFilerToCollect() public {
        address mp = _example1Flat();
        uint256 claimId = fileClaim(mp, bob, 0);
        rule(mp, claimId, true);
        (uint256 owedTotal, uint256 bondsHeld,,) = ext(mp).liabilities();
        assertEq(bondsHeld, 0);
        assertEq(owedTotal, 1e18);
        assertEq(ext(mp).feesOwed(bob), 1e18);
        assertEq(ext(mp).capital(), 200e18);

        uint256 before = token.balanceOf(carol);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.FeesClaimed(bob, carol, 1e18);
        vm.prank(bob);
        assertEq(ext(mp).claimFees(carol), 1e18);
        assertEq(token.balanceOf(carol) - before, 1e18);
        assertEq(ext(mp).feesOwed(bob), 0);
    }

    function test_resolveClaim_invalid_addsTheBondToCapital() public {
        address mp = _example1Flat();
        uint256 claimId = fileClaim(mp, bob, 0);
        rule(mp, claimId, false);
        (uint256 owedTotal, uint256 bondsHeld,,) = ext(mp).liabilities();
        assertEq(bondsHeld, 0);
        assertEq(owedTotal, 0);
        assertEq(ext(mp).feesOwed(bob), 0);
        assertEq(ext(mp).capital(), 1001e18);
        vm.expectRevert(IMetaPoolErrors.NoFees.selector);
        vm.prank(bob);
        ext(mp).claimFees(bob);
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

    // ----- no cover tokens left at the ruling -----

    function test_resolveClaim_valid_withNoCoverTokensLeft_takesNothingFromCapital() public {
        address mp = _example1();
        uint256 claimId = fileClaim(mp, bob, 0);
        vm.prank(bob);
        core(mp).withdrawProtection(0, 100e18, bob);
        assertEq(ext(mp).pool(0).coverSupply, 0);
        // The emptied epoch stays open while its claim is pending.
        assertEq(ext(mp).pool(0).epoch, 0);
        // Pools B and C now see F = 800: u = ceil(100 / 900), P = 900.
        uint256 u = (100e18 * WAD + 900e18 - 1) / 900e18;
        uint256 rate = 0.02e18 + (0.08e18 * u + 0.8e18 - 1) / 0.8e18;
        assertEq(ext(mp).pool(1).rate, rate);
        uint256 premium = premiumFor(rate * 900e18, 1 days);
        skip(1 days);
        uint256 capitalSynced = 1000e18 + 2 * (premium - 2 * feeOf(premium, 500));
        (uint256 payout, uint256 redeemable) = ext(mp).previewPayout(0);
        assertEq(payout, 0);
        assertEq(redeemable, 0);

        vm.expectEmit(true, false, false, true, mp);
        emit IMetaPoolEvents.CoverEpochClosed(0, 0, 0, 0, false);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.ClaimResolved(claimId, 0, true, 0, 0, 0, capitalSynced);
        rule(mp, claimId, true);
        assertEq(ext(mp).capital(), capitalSynced);
        assertEq(ext(mp).pool(0).epoch, 1);
        assertEq(ext(mp).feesOwed(bob), 1e18);
    }

    function test_resolveClaim_invalid_withNoCoverTokensLeft_closesTheEmptiedEpoch() public {
        address mp = _example1Flat();
        uint256 claimId = fileClaim(mp, bob, 0);
        vm.prank(bob);
        core(mp).withdrawProtection(0, 100e18, bob);
        vm.expectEmit(true, false, false, true, mp);
        emit IMetaPoolEvents.CoverEpochClosed(0, 0, 0, 0, false);
        rule(mp, claimId, false);
        assertEq(ext(mp).pool(0).epoch, 1);
        assertEq(ext(mp).capital(), 1001e18);
        // The next buyer opens a new epoch.
        buy(mp, carol, 0, 10e18);
        skip(1 days);
        core(mp).poke(16);
        assertEq(ext(mp).pool(0).epochOpenedAt, block.timestamp);
        assertEq(coverToken(mp, 0).symbol(), "cnpy-0-e1");
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
