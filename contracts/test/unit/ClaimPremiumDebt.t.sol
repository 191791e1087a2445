// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {MetaPoolParams} from "../../src/interfaces/MetaPoolTypes.sol";
import {Example1TestBase} from "../utils/Example1TestBase.sol";

/// @notice SPEC §7: premium accrues as debt while a claim is pending, and each ruling charges it.
contract ClaimPremiumDebtTest is Example1TestBase {
    /// SPEC §9 example 3: one day of premium on a pool of example 1 (K 100, P 800, r 3.25 %).
    uint256 internal constant DAY_PREMIUM = 71_232_876_712_328_768;
    uint256 internal constant DAY_FEE = 3_561_643_835_616_438;
    uint256 internal constant DAY_TO_CAPITAL = 64_109_589_041_095_892;
    uint256 internal constant DAY_ACTIVE = 99_928_767_123_287_671_232;

    /// One pool: C 1 000, K 100 (so P 1 000) at a flat 1 000 % a year: speed 1e40 WAD-assets a year.
    function _expensive() internal returns (address mp) {
        MetaPoolParams memory p = specParams(token, 1);
        p.curve = flatCurve(10e18);
        return createWithCover(p, 1000e18, sameCovers(1, 100e18));
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
}
