// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {BuyQuote, MetaPoolParams, PoolView, PurchaseStatus} from "../../src/interfaces/MetaPoolTypes.sol";
import {MetaPoolTestBase} from "../utils/MetaPoolTestBase.sol";

/// @notice SPEC §9 worked numbers, one named test each.
contract SpecExamplesTest is MetaPoolTestBase {
    /// SPEC §9 example 3: one day of premium on a pool of example 1.
    uint256 internal constant EX3_PREMIUM = 71_232_876_712_328_768;
    uint256 internal constant EX3_FEE = 3_561_643_835_616_438;
    uint256 internal constant EX3_TO_CAPITAL = 64_109_589_041_095_892;
    uint256 internal constant EX3_CAPITAL_GAIN = 192_328_767_123_287_676;
    uint256 internal constant EX3_ACTIVE = 99_928_767_123_287_671_232;

    /// C = 1 000 and three pools with K = 100 each, all matured at the same second (rates paused by
    /// buying in the same block as the deposit is impossible: cover matures a day later, so premium for the
    /// one day of maturing is avoided by zero rates until the snapshot).
    function _example1State() internal returns (address mp) {
        return _example1StateWith(specParams(token, 3));
    }

    function _example1StateWith(MetaPoolParams memory p) internal returns (address mp) {
        mp = createPool(p);
        deposit(mp, alice, 1000e18);
        buy(mp, bob, 0, 100e18);
        buy(mp, bob, 1, 100e18);
        buy(mp, bob, 2, 100e18);
        skip(1 days);
        core(mp).poke(16);
    }

    function test_specExample1_threePoolsOfHundred_claimPaysEightHundred() public {
        address mp = _example1State();
        // All three matured in the same second: each pool's K = 100, C = 1000, F = 700.
        assertEq(ext(mp).capital(), 1000e18);
        assertEq(ext(mp).freeCapital(), 700e18);
        for (uint256 i; i < 3; ++i) {
            assertEq(ext(mp).pool(i).active, 100e18);
            assertEq(ext(mp).pool(i).payout, 800e18);
            assertEq(ext(mp).pool(i).utilisation, 0.125e18);
            assertEq(ext(mp).pool(i).rate, 32_500_000_000_000_000);
        }
        uint256 claimId = fileClaim(mp, bob, 0);
        uint256 epoch = ext(mp).pool(0).epoch;
        vm.prank(arbiter);
        core(mp).resolveClaim(claimId, true);
        assertEq(ext(mp).capital(), 200e18);
        assertEq(ext(mp).pool(1).active + ext(mp).pool(2).active, 200e18);
        assertEq(ext(mp).closedEpoch(0, epoch).remaining, 900e18);
        vm.prank(bob);
        uint256 paid = ext(mp).redeemPayout(0, epoch, bob);
        assertEq(paid, 900e18);
    }

    function test_specExample2_sixPoolsOfHundred_claimPaysFiveHundredAndCapitalBacksTheOtherFive() public {
        address mp = createWithCover(specParams(token, 6), 1000e18, sameCovers(6, 100e18));
        assertEq(ext(mp).freeCapital(), 400e18);
        assertEq(ext(mp).pool(3).payout, 500e18);
        (uint256 payout, uint256 redeemable) = ext(mp).previewPayout(3);
        assertEq(payout, 500e18);
        assertEq(redeemable, 600e18);

        uint256 claimId = fileClaim(mp, bob, 3);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.ClaimResolved(claimId, 3, true, 500e18, 600e18, 0, 500e18);
        rule(mp, claimId, true);

        assertEq(ext(mp).capital(), 500e18);
        uint256 otherCover;
        for (uint256 i; i < 6; ++i) {
            if (i != 3) otherCover += ext(mp).pool(i).active;
        }
        assertEq(otherCover, 500e18);
        assertEq(ext(mp).freeCapital(), 0);
    }

    function test_specExample3_oneSyncADayAfterExample1_chargesEachPoolTheExactPremium() public {
        address mp = _example1State();
        // The SPEC's formula, literally: ceil(800e18 × 0.0325e18 × 86 400 / 31 536 000 / 1e18).
        assertEq(premiumFor(800e18 * uint256(32_500_000_000_000_000), 86_400), EX3_PREMIUM);
        assertEq(EX3_PREMIUM - 2 * EX3_FEE, EX3_TO_CAPITAL);

        skip(86_400);
        uint256[] memory active = new uint256[](3);
        uint256[] memory debt = new uint256[](3);
        for (uint256 i; i < 3; ++i) {
            active[i] = EX3_ACTIVE;
        }
        vm.expectEmit(false, false, false, true, mp);
        emit IMetaPoolEvents.Synced(
            uint40(block.timestamp),
            1000e18 + EX3_CAPITAL_GAIN,
            syncedPools(active, debt),
            EX3_CAPITAL_GAIN,
            3 * EX3_FEE,
            3 * EX3_FEE
        );
        core(mp).poke(16);

        assertEq(ext(mp).capital(), 1000e18 + EX3_CAPITAL_GAIN);
        assertEq(3 * EX3_TO_CAPITAL, EX3_CAPITAL_GAIN);
        for (uint256 i; i < 3; ++i) {
            assertEq(ext(mp).pool(i).active, EX3_ACTIVE);
            assertEq(100e18 - ext(mp).pool(i).active, EX3_PREMIUM);
        }
        assertEq(ext(mp).feesOwed(arbiter), 3 * EX3_FEE);
        assertEq(ext(mp).feesOwed(creator), 3 * EX3_FEE);
    }

    function test_specExample4_ninetyPercentUtilisation_givesSixtyPercentRate() public {
        address mp = createWithCover(specParams(token, 1), 1000e18, sameCovers(1, 900e18));
        assertEq(ext(mp).fundingRate(0.9e18), 0.6e18);
        PoolView memory v = ext(mp).pool(0);
        assertEq(v.utilisation, 0.9e18);
        assertEq(v.rate, 0.6e18);
        // Premium on the payout K + F = 1 000.
        assertEq(v.premiumSpeed, 0.6e18 * uint256(1000e18));
    }

    /// Example 1's balances with every rate zero; 50 bought in pool B at t0, a claim on A filed at t0 + 1 h.
    function _example5State() internal returns (address mp, uint256 t0, uint256 purchaseId, uint256 claimId) {
        MetaPoolParams memory p = specParams(token, 3);
        p.curve = zeroCurve();
        mp = _example1StateWith(p);
        t0 = block.timestamp;
        purchaseId = buy(mp, carol, 1, 50e18);
        skip(1 hours);
        claimId = fileClaim(mp, bob, 0);
    }

    function test_specExample5_claimAcceptedAtTwelveHours_paysEightHundredAndRefundsThePending() public {
        (address mp, uint256 t0, uint256 purchaseId, uint256 claimId) = _example5State();
        vm.warp(t0 + 12 hours);
        // Pending deposits are not cover: P = 100 + (1 000 − 300).
        assertEq(ext(mp).pool(0).payout, 800e18);

        vm.expectEmit(false, false, false, true, mp);
        emit IMetaPoolEvents.PurchasesVoided(purchaseId, purchaseId + 1, 50e18);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.ClaimResolved(claimId, 0, true, 800e18, 900e18, 0, 200e18);
        rule(mp, claimId, true);

        assertEq(ext(mp).capital(), 200e18);
        assertEq(ext(mp).pool(1).pending, 0);
        (,,, uint256 refundsOwed) = ext(mp).liabilities();
        assertEq(refundsOwed, 50e18);
        uint256 before = token.balanceOf(carol);
        core(mp).refundPurchase(purchaseId);
        assertEq(token.balanceOf(carol) - before, 50e18);
    }

    function test_specExample5_claimRejectedAtThirtyHours_restartsTheDelay_maturingAtFiftyFourHoursNotTwentyFour()
        public
    {
        (address mp, uint256 t0, uint256 purchaseId, uint256 claimId) = _example5State();
        // Due at t0 + 24 h, but frozen by the pending claim.
        vm.warp(t0 + 25 hours);
        core(mp).poke(16);
        assertEq(ext(mp).pool(1).active, 100e18);
        assertEq(ext(mp).pool(1).pending, 50e18);

        vm.warp(t0 + 30 hours);
        rule(mp, claimId, false);
        // The bond goes to C; resolving matured nothing itself; the delay restarts at the ruling.
        assertEq(ext(mp).capital(), 1001e18);
        assertEq(uint8(ext(mp).purchase(purchaseId).status), uint8(PurchaseStatus.Pending));
        assertEq(ext(mp).purchase(purchaseId).maturesAt, t0 + 54 hours);

        vm.warp(t0 + 54 hours - 1);
        core(mp).poke(16);
        assertEq(ext(mp).pool(1).pending, 50e18);
        vm.warp(t0 + 55 hours);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.PurchaseMatured(purchaseId, 1, 0, 50e18, 50e18, uint40(t0 + 54 hours), 150e18, 150e18);
        core(mp).poke(16);
        assertEq(ext(mp).pool(1).active, 150e18);
        assertEq(coverToken(mp, 1).balanceOf(carol), 50e18);
    }

    /// One underwriter holds all 1 000 shares and requests 500; a pool of 100 at a flat 100 % a year (fees zero)
    /// then earns exactly 1 in 31 536 s (P = 1 000), after which its seeker leaves: C = 1 001.
    function _example6Lifted() internal returns (address mp, uint256 requestId) {
        MetaPoolParams memory p = specParams(token, 1);
        p.curve = flatCurve(1e18);
        p.arbiterFeeBps = 0;
        p.creatorFeeBps = 0;
        mp = createPool(p);
        assertEq(deposit(mp, alice, 1000e18), 1000e18);
        buy(mp, bob, 0, 100e18);
        requestId = requestWithdrawal(mp, alice, 500e18);
        assertEq(ext(mp).withdrawalRequest(requestId).assetsAtRequest, 500e18);
        skip(1 days);
        core(mp).poke(16);
        skip(31_536);
        vm.prank(bob);
        core(mp).withdrawProtection(0, 100e18, bob);
        assertEq(ext(mp).capital(), 1001e18);
    }

    function test_specExample6_premiumsLiftCapital_withdrawingPaysFiveHundredAndLeavesFiveHundredOne() public {
        (address mp, uint256 requestId) = _example6Lifted();
        vm.warp(ext(mp).withdrawalRequest(requestId).unlockAt);
        vm.prank(alice);
        uint256 paid = core(mp).completeWithdrawal(requestId, 500e18, alice);
        assertEq(paid, 500e18);
        assertEq(ext(mp).capital(), 501e18);
        assertEq(ext(mp).totalSupply(), 500e18);
    }

    function test_specExample6_premiumsLiftCapital_cancellingReturnsSharesWorthAtMostFiveHundred() public {
        (address mp, uint256 requestId) = _example6Lifted();
        uint256 expected = uint256(500e18) * (1000e18 + 1) / (1001e18 + 1);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.WithdrawalCancelled(requestId, alice, expected, 500e18 - expected);
        vm.prank(alice);
        uint256 returned = core(mp).cancelWithdrawal(requestId);
        assertEq(returned, expected);
        assertGt(500e18 - returned, 0);
        // Worth at most 500 at the price before the burn.
        assertLe(returned * (1001e18 + 1) / (1000e18 + 1), 500e18);
        assertEq(ext(mp).balanceOf(alice), 500e18 + returned);
        assertEq(ext(mp).totalSupply(), 500e18 + returned);
        assertEq(ext(mp).capital(), 1001e18);
    }

    function test_specExample6_payoutMultipleFour_claimPaysEightHundredAndRequestPaysOneHundred() public {
        MetaPoolParams memory p = specParams(token, 1);
        p.curve = zeroCurve();
        p.payoutMultiple = 4;
        address mp = createWithCover(p, 1000e18, sameCovers(1, 200e18));
        uint256 requestId = requestWithdrawal(mp, alice, 500e18);
        assertEq(ext(mp).withdrawalRequest(requestId).assetsAtRequest, 500e18);

        uint256 claimId = fileClaim(mp, bob, 0);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.ClaimResolved(claimId, 0, true, 800e18, 1000e18, 0, 200e18);
        rule(mp, claimId, true);
        assertEq(ext(mp).capital(), 200e18);
        assertEq(ext(mp).freeCapital(), 200e18);

        vm.warp(ext(mp).withdrawalRequest(requestId).unlockAt);
        vm.prank(alice);
        uint256 paid = core(mp).completeWithdrawal(requestId, 500e18, alice);
        assertEq(paid, 100e18);
        assertEq(ext(mp).capital(), 100e18);
    }

    function test_specExample7_payoutMultipleFive_claimPaysFiveHundredAndLeavesFiveHundred() public {
        MetaPoolParams memory p = specParams(token, 3);
        p.payoutMultiple = 5;
        address mp = _example1StateWith(p);
        assertEq(ext(mp).pool(0).payout, 500e18);
        uint256 claimId = fileClaim(mp, bob, 0);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.ClaimResolved(claimId, 0, true, 500e18, 600e18, 0, 500e18);
        rule(mp, claimId, true);
        assertEq(ext(mp).capital(), 500e18);
        assertEq(ext(mp).pool(1).active + ext(mp).pool(2).active, 200e18);
        assertEq(ext(mp).freeCapital(), 300e18);
        // Not a wipe: the share epoch stays.
        assertEq(ext(mp).metaPoolView().shareEpoch, 0);
        assertEq(ext(mp).balanceOf(alice), 1000e18);
    }

    function test_specExample8_claimTakesAllCapital_newDepositOfHundredOwnsAllOfIt() public {
        address mp = createWithCover(specParams(token, 1), 1000e18, sameCovers(1, 100e18));
        uint256 claimId = fileClaim(mp, bob, 0);
        vm.expectEmit(true, false, false, true, mp);
        emit IMetaPoolEvents.ShareEpochClosed(0, 1, 0, 1000e18);
        rule(mp, claimId, true);
        assertEq(ext(mp).capital(), 0);
        assertEq(ext(mp).totalSupply(), 0);
        assertEq(ext(mp).balanceOf(alice), 0);

        assertEq(deposit(mp, carol, 100e18), 100e18);
        assertEq(ext(mp).capital(), 100e18);
        assertEq(ext(mp).convertToAssets(ext(mp).balanceOf(carol)), 100e18);
        assertEq(ext(mp).balanceOf(alice), 0);
    }

    /// payoutMultiple 2 and cover (C − dust) / 2: each valid claim takes all of C but the dust (< 1e9 wei).
    function test_specExample8_twentyWipesInARowWithDust_keepDepositsWorkingAndSupplyBounded() public {
        MetaPoolParams memory p = specParams(token, 1);
        p.payoutMultiple = 2;
        address mp = createPool(p);
        for (uint256 round; round < 20; ++round) {
            _wipeRound(mp, round, round % 2 == 0 ? carol : dave);
            skip(1);
        }
        uint256 last = deposit(mp, alice, 500e18);
        assertEq(last, 500e18);
        assertEq(ext(mp).convertToAssets(last), 500e18);
        assertLt(ext(mp).totalSupply(), 500e18 + 1e9);
        assertLt(ext(mp).balanceOf(carol) + ext(mp).balanceOf(dave), 1e9);
    }

    function _wipeRound(address mp, uint256 round, address holder) internal {
        uint256 amount = 100e18 + round * 37e18 + round * 1_234_567;
        uint256 dustBefore = ext(mp).capital();
        assertEq(deposit(mp, holder, amount), amount);
        // The new holder owns all of C but the earlier holders' dust.
        assertEq(ext(mp).convertToAssets(ext(mp).balanceOf(holder)), amount);
        assertEq(ext(mp).capital(), amount + dustBefore);

        uint256 dust = (round * 48_271 + 7) % 1e9;
        uint256 cover = (ext(mp).capital() - dust) / 2;
        buy(mp, bob, 0, cover);
        skip(1 days);
        core(mp).poke(16);
        uint256 capitalBefore = ext(mp).capital();
        uint256 claimId = fileClaim(mp, bob, 0);
        vm.expectEmit(true, false, false, true, mp);
        emit IMetaPoolEvents.ShareEpochClosed(
            uint32(round), uint32(round + 1), capitalBefore - 2 * cover, ext(mp).totalSupply()
        );
        rule(mp, claimId, true);

        assertEq(ext(mp).capital(), capitalBefore - 2 * cover);
        assertLe(ext(mp).capital(), dust + 1);
        assertEq(ext(mp).metaPoolView().shareEpoch, round + 1);
        assertEq(ext(mp).pool(0).epoch, round + 1);
        // Bounded: after a wipe the supply is C again (1:1), and every holder's balance is dust.
        assertEq(ext(mp).totalSupply(), ext(mp).capital());
        assertLe(ext(mp).balanceOf(holder), dust + 1);
    }

    function test_specExample9_oneTokenAloneUncapped_paysAboutTwentyThousandAYearAndLapsesWithinAnHour() public {
        address mp = createWithCover(specParams(token, 1), 1_000_000e18, sameCovers(1, 1e18));
        PoolView memory v = ext(mp).pool(0);
        assertEq(v.payout, 1_000_000e18);
        assertEq(v.utilisation, 1e12); // 0.0001 %
        // 2 % + ceil(8 % × 1e-6 / 80 %) = 2.00001 %.
        assertEq(v.rate, 20_000_100_000_000_000);
        assertEq(v.premiumSpeed / WAD, 20_000.1e18);

        // One sync over 25 minutes charges less than the token.
        uint256 start = block.timestamp;
        vm.warp(start + 25 minutes);
        assertEq(ext(mp).pool(0).epoch, 0);
        assertGt(ext(mp).pool(0).active, 0);

        // One sync at the hour: premium beyond K is forgiven, the epoch lapses with nothing left.
        vm.warp(start + 1 hours);
        vm.expectEmit(true, false, false, true, mp);
        emit IMetaPoolEvents.CoverEpochClosed(0, 0, 0, 1e18, true);
        core(mp).poke(16);
        assertEq(ext(mp).pool(0).epoch, 1);
        assertEq(ext(mp).pool(0).active, 0);
        assertEq(ext(mp).capital(), 1_000_000e18 + 0.9e18);
        assertEq(ext(mp).feesOwed(arbiter), 0.05e18);
    }

    function test_specExample9_oneTokenAloneUncapped_lapsesWithinAnHourWhenSyncedEveryMinute() public {
        address mp = createWithCover(specParams(token, 1), 1_000_000e18, sameCovers(1, 1e18));
        uint256 start = block.timestamp;
        while (ext(mp).pool(0).epoch == 0) {
            skip(1 minutes);
            core(mp).poke(16);
            assertLe(block.timestamp - start, 1 hours);
        }
        assertGt(block.timestamp - start, 20 minutes);
        assertEq(ext(mp).closedEpoch(0, 0).supply, 1e18);
        assertLt(ext(mp).closedEpoch(0, 0).remaining, 1e9);
    }

    function test_specExample9_oneTokenPayoutMultipleFive_paysAboutATenthAYear() public {
        MetaPoolParams memory p = specParams(token, 1);
        p.payoutMultiple = 5;
        address mp = createWithCover(p, 1_000_000e18, sameCovers(1, 1e18));
        PoolView memory v = ext(mp).pool(0);
        assertEq(v.payout, 5e18);
        assertEq(v.premiumSpeed / WAD, 0.1000005e18);

        skip(YEAR);
        core(mp).poke(16);
        assertEq(ext(mp).pool(0).epoch, 0);
        assertEq(ext(mp).pool(0).active, 1e18 - 0.1000005e18);
    }

    /// SPEC §9 example 10: pending purchases reserve nothing; maturing in queue order decides acceptance.
    function _example10State() internal returns (address mp, uint256 t0, uint256 eve, uint256 carols) {
        MetaPoolParams memory p = specParams(token, 3);
        p.curve = zeroCurve();
        mp = _example1StateWith(p);
        t0 = block.timestamp;
        eve = buy(mp, dave, 2, 700e18);
        skip(1);
        BuyQuote memory q = ext(mp).previewBuy(1, 10e18);
        assertEq(q.capacity, 700e18);
        assertEq(q.pendingAhead, 700e18);
        carols = buy(mp, carol, 1, 10e18);
    }

    function test_specExample10_noReservations_carolBuysAfterEve_andIsRefundedWhenEveTakesTheCapitalFirst() public {
        (address mp, uint256 t0, uint256 eve, uint256 carols) = _example10State();
        vm.warp(t0 + 1 days + 1);
        core(mp).poke(16);
        assertEq(ext(mp).purchase(eve).accepted, 700e18);
        assertEq(ext(mp).pool(2).active, 800e18);
        assertEq(ext(mp).freeCapital(), 0);
        assertEq(uint8(ext(mp).purchase(carols).status), uint8(PurchaseStatus.Matured));
        assertEq(ext(mp).purchase(carols).accepted, 0);
        uint256 before = token.balanceOf(carol);
        assertEq(core(mp).refundPurchase(carols), 10e18);
        assertEq(token.balanceOf(carol) - before, 10e18);
        assertBooks(mp);
    }

    function test_specExample10_noReservations_carolIsAccepted_whenEveWithdrewHerCoverInBetween() public {
        (address mp, uint256 t0, uint256 eve, uint256 carols) = _example10State();
        vm.warp(t0 + 1 days);
        core(mp).poke(16);
        assertEq(ext(mp).purchase(eve).accepted, 700e18);
        uint256 tokens = coverToken(mp, 2).balanceOf(dave);
        vm.prank(dave);
        // At par: rates are zero (with rates, holding cover is what blocking would cost).
        assertEq(core(mp).withdrawProtection(2, tokens, dave), 700e18);
        vm.warp(t0 + 1 days + 1);
        core(mp).poke(16);
        assertEq(ext(mp).purchase(carols).accepted, 10e18);
        assertEq(coverToken(mp, 1).balanceOf(carol), 10e18);
        assertBooks(mp);
    }

    /// SPEC §9 example 11: a sham claim cannot let post-incident cover share a real one. Pool A's 100 of cover is
    /// held 90 by bob and 10 by eve (dave here); rates zero, a 1-day delay, a bond of 1.
    function test_specExample11_shamClaimRejected_postIncidentCoverRestartsItsDelay_andBobRedeemsHisFullShare() public {
        MetaPoolParams memory p = specParams(token, 3);
        p.curve = zeroCurve();
        address mp = createPool(p);
        deposit(mp, alice, 1000e18);
        buy(mp, bob, 0, 90e18);
        buy(mp, dave, 0, 10e18);
        buy(mp, bob, 1, 100e18);
        buy(mp, bob, 2, 100e18);
        skip(1 days);
        core(mp).poke(16);
        uint256 t0 = block.timestamp; // pool A's protocol is hacked

        vm.warp(t0 + 1 minutes);
        uint256 eves = buy(mp, dave, 0, 500e18);
        vm.warp(t0 + 2 minutes);
        uint256 sham = fileClaimAt(mp, dave, 0, t0);
        vm.warp(t0 + 2 days);
        rule(mp, sham, false);
        assertEq(ext(mp).capital(), 1001e18);
        assertEq(ext(mp).purchase(eves).maturesAt, t0 + 3 days);

        vm.warp(t0 + 2 days + 1 minutes);
        uint256 honest = fileClaimAt(mp, bob, 0, t0);
        // Eve's 500 did not mature inside bob's filing: it is frozen again.
        assertEq(ext(mp).pool(0).active, 100e18);
        assertEq(ext(mp).pool(0).pending, 500e18);

        vm.warp(t0 + 3 days + 1 hours);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.ClaimResolved(honest, 0, true, 801e18, 901e18, 0, 200e18);
        rule(mp, honest, true);
        assertEq(ext(mp).capital(), 200e18);
        assertEq(redeem(mp, bob, 0), 810.9e18);
        assertEq(redeem(mp, dave, 0), 90.1e18);
        assertEq(core(mp).refundPurchase(eves), 500e18);
        assertEq(ext(mp).feesOwed(bob), 1e18); // bob's bond, returned
        assertBooks(mp);
    }

    function redeem(address mp, address who, uint256 poolId) internal returns (uint256) {
        vm.prank(who);
        return ext(mp).redeemPayout(poolId, 0, who);
    }
}
