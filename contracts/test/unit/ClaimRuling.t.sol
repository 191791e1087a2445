// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {Claim, ClaimStatus} from "../../src/interfaces/MetaPoolTypes.sol";
import {Example1TestBase} from "../utils/Example1TestBase.sol";

/// @notice SPEC §7: ruling on claims: who may rule and in what order, what a ruling records and emits, the bond,
/// and rulings on a pool whose cover tokens have all left.
contract ClaimRulingTest is Example1TestBase {
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
}
