// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {FundingCurve} from "../../src/interfaces/MetaPoolTypes.sol";
import {FundingRate} from "../../src/lib/FundingRate.sol";
import {LapseHint} from "../../src/lib/LapseHint.sol";
import {Payout} from "../../src/lib/Payout.sol";
import {PoolAccrual} from "../../src/lib/PoolAccrual.sol";
import {Premium} from "../../src/lib/Premium.sol";
import {ShareMath} from "../../src/lib/ShareMath.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Test} from "forge-std/Test.sol";

/// @notice The pure math of SPEC §3, §4 and §6 against independent formulations, over random inputs.
contract MathFuzzTest is Test {
    uint256 internal constant WAD = 1e18;
    uint256 internal constant YEAR = 365 days;
    /// Amounts are uint128 (SafeCast at every entry point); rates at most 10e18 a year.
    uint256 internal constant MAX_AMOUNT = type(uint128).max;
    /// Share prices multiply amounts by supplies: 1e30 base units (a trillion tokens of 18 decimals) and supplies
    /// within the wipe threshold keep every product in 256 bits.
    uint256 internal constant MAX_SHARE_AMOUNT = 1e30;
    uint256 internal constant MAX_SPEED = 10e18 * uint256(type(uint128).max);

    /// @dev Any curve SPEC §2 accepts: `0 < kink < 1e18`, `baseRate + slope1 + slope2 ≤ 10e18`.
    function boundCurve(uint64 baseRate, uint64 slope1, uint64 kink, uint64 slope2)
        internal
        pure
        returns (FundingCurve memory c)
    {
        c.kink = uint64(bound(kink, 1, WAD - 1));
        c.baseRate = uint64(bound(baseRate, 0, 10e18));
        c.slope1 = uint64(bound(slope1, 0, 10e18 - c.baseRate));
        c.slope2 = uint64(bound(slope2, 0, 10e18 - c.baseRate - c.slope1));
    }

    /// @dev SPEC §6 written out with 512-bit division, each division rounded up.
    function specRate(FundingCurve memory c, uint256 u) internal pure returns (uint256) {
        if (u <= c.kink) return c.baseRate + Math.mulDiv(c.slope1, u, c.kink, Math.Rounding.Ceil);
        return c.baseRate + c.slope1 + Math.mulDiv(c.slope2, u - c.kink, WAD - c.kink, Math.Rounding.Ceil);
    }

    // ----- FundingRate -----

    function testFuzz_fundingRate_equalsTheSpecFormula(
        uint64 baseRate,
        uint64 slope1,
        uint64 kink,
        uint64 slope2,
        uint256 u
    ) public pure {
        FundingCurve memory c = boundCurve(baseRate, slope1, kink, slope2);
        u = bound(u, 0, WAD);
        assertEq(FundingRate.rate(c, u), specRate(c, u));
    }

    function testFuzz_fundingRate_isMonotonicInUtilisation(
        uint64 baseRate,
        uint64 slope1,
        uint64 kink,
        uint64 slope2,
        uint256 u1,
        uint256 u2
    ) public pure {
        FundingCurve memory c = boundCurve(baseRate, slope1, kink, slope2);
        u1 = bound(u1, 0, WAD);
        u2 = bound(u2, u1, WAD);
        uint256 r1 = FundingRate.rate(c, u1);
        uint256 r2 = FundingRate.rate(c, u2);
        assertLe(r1, r2, "rate fell as utilisation rose");
        assertGe(r1, c.baseRate, "below the base rate");
        assertLe(r2, uint256(c.baseRate) + c.slope1 + c.slope2, "above the full curve");
    }

    function testFuzz_fundingRate_isContinuousAtTheKink(uint64 baseRate, uint64 slope1, uint64 kink, uint64 slope2)
        public
        pure
    {
        FundingCurve memory c = boundCurve(baseRate, slope1, kink, slope2);
        assertEq(FundingRate.rate(c, c.kink), uint256(c.baseRate) + c.slope1);
        assertEq(FundingRate.rate(c, WAD), uint256(c.baseRate) + c.slope1 + c.slope2);
    }

    /// `u = K / (K + F)` rounded up, 0 when both are 0, never above 100 %, and monotonic in K.
    function testFuzz_utilisation_roundsUpAndStaysWithinOne(uint256 active, uint256 free, uint256 more) public pure {
        active = bound(active, 0, MAX_AMOUNT);
        free = bound(free, 0, MAX_AMOUNT);
        uint256 u = FundingRate.utilisation(active, free);
        if (active + free == 0) return assertEq(u, 0);
        assertEq(u, Math.mulDiv(active, WAD, active + free, Math.Rounding.Ceil));
        assertLe(u, WAD);
        assertGe(u * (active + free), active * WAD, "rounded down");
        more = bound(more, 0, free);
        assertGe(FundingRate.utilisation(active + more, free - more), u, "more cover, lower utilisation");
    }

    // ----- PoolAccrual (the common sync's one-pass kernel) -----

    /// The kernel charges exactly what the reference libraries do: `Premium.accrue` at the speed
    /// `FundingRate.rate(u(K, F)) * Payout.payout(K, F, multiple)`, over the whole range SPEC §2 and the uint128
    /// amount bound allow (capped and uncapped payouts, either side of the kink, any credit and any time).
    function testFuzz_poolAccrual_equalsTheReferenceLibraries(
        uint64[4] memory curveSeed,
        uint256 active,
        uint256 free,
        uint256 credit,
        uint256 dt,
        uint256 multiple
    ) public pure {
        FundingCurve memory c = boundCurve(curveSeed[0], curveSeed[1], curveSeed[2], curveSeed[3]);
        active = bound(active, 1, MAX_AMOUNT);
        free = bound(free, 0, MAX_AMOUNT);
        credit = bound(credit, 0, WAD - 1);
        dt = bound(dt, 0, type(uint40).max);
        _assertKernelMatchesTheLibraries(c, active, free, credit, dt, multiple);
    }

    /// The same at small amounts, where the roundings decide (a few wei of cover, short intervals).
    function testFuzz_poolAccrual_equalsTheReferenceLibraries_smallAmounts(
        uint64[4] memory curveSeed,
        uint256 active,
        uint256 free,
        uint256 credit,
        uint256 dt,
        uint256 multiple
    ) public pure {
        FundingCurve memory c = boundCurve(curveSeed[0], curveSeed[1], curveSeed[2], curveSeed[3]);
        active = bound(active, 1, 1e6);
        free = bound(free, 0, 1e9);
        credit = bound(credit, 0, WAD - 1);
        dt = bound(dt, 0, 2 days);
        _assertKernelMatchesTheLibraries(c, active, free, credit, dt, multiple);
    }

    /// `multiple` is a seed: uncapped (0) one time in three, else 1..10 000.
    function _assertKernelMatchesTheLibraries(
        FundingCurve memory c,
        uint256 active,
        uint256 free,
        uint256 credit,
        uint256 dt,
        uint256 multiple
    ) internal pure {
        multiple = multiple % 3 == 0 ? 0 : bound(multiple, 1, 10_000);
        uint256 speed =
            FundingRate.rate(c, FundingRate.utilisation(active, free)) * Payout.payout(active, free, multiple);
        (uint256 increase, uint256 newCredit) = Premium.accrue(credit, speed, dt);
        (uint256 kIncrease, uint256 kCredit) = PoolAccrual.accrue(active, free, credit, dt, c, multiple);
        assertEq(kIncrease, increase, "increase");
        assertEq(kCredit, newCredit, "credit");
    }

    // ----- LapseHint (the sync's pre-check before reading a pool's supply) -----

    /// The decoded hint is never below `ceil(supply / 1e9)` (so `K >= decode` proves no lapse), equals it below
    /// 2^50, and is within 2^-49 of it above; `K < decode` exactly when the pool lapses whenever it is exact.
    function testFuzz_lapseHint_boundsTheLapseThresholdFromAbove(uint256 supply, uint256 active) public pure {
        supply = bound(supply, 0, type(uint128).max);
        uint256 threshold = supply == 0 ? 0 : (supply - 1) / 1e9 + 1;
        uint256 decoded = LapseHint.decode(LapseHint.encode(supply));
        assertGe(decoded, threshold, "below the threshold");
        if (threshold < 2 ** 50) assertEq(decoded, threshold, "not exact below 2^50");
        else assertLe(decoded - threshold, threshold >> 49, "too coarse");
        active = bound(active, 0, type(uint128).max);
        bool lapses = active * 1e9 < supply;
        if (!(active < decoded)) assertFalse(lapses, "pre-check missed a lapse");
        if (threshold < 2 ** 50) assertEq(active < decoded, lapses, "exact pre-check disagrees");
    }

    // ----- Premium -----

    /// Accruing an interval in one step or split into many pieces at the same speed charges the same premium
    /// within one base unit (never less), and the credit representation charges exactly the SPEC accumulator:
    /// `due = ceil(owedWad / 1e18)` with `owedWad = Σ ceil(speed × dt_k / YEAR)`.
    function testFuzz_premiumAccrue_splitIntoPiecesChargesTheSameWithinOneUnit(
        uint256 speed,
        uint256 dt,
        uint256[8] memory cuts
    ) public pure {
        speed = bound(speed, 0, MAX_SPEED);
        dt = bound(dt, 0, 10 * YEAR);
        (uint256 single, uint256 singleCredit) = Premium.accrue(0, speed, dt);
        uint256 owedSingle = Math.mulDiv(speed, dt, YEAR, Math.Rounding.Ceil);
        assertEq(single, Math.ceilDiv(owedSingle, WAD), "one step != SPEC accumulator");
        assertEq(single * WAD - singleCredit, owedSingle, "credit != due * 1e18 - owedWad");

        uint256 multi;
        uint256 credit;
        uint256 owedWad;
        uint256 left = dt;
        for (uint256 k; k <= cuts.length; ++k) {
            uint256 piece = k == cuts.length ? left : bound(cuts[k], 0, left);
            left -= piece;
            uint256 increase;
            (increase, credit) = Premium.accrue(credit, speed, piece);
            multi += increase;
            owedWad += Math.mulDiv(speed, piece, YEAR, Math.Rounding.Ceil);
            assertLt(credit, WAD, "credit out of [0, 1e18)");
            assertEq(multi, Math.ceilDiv(owedWad, WAD), "pieces != SPEC accumulator");
        }
        assertGe(multi, single, "splitting charged less");
        assertLe(multi - single, 1, "splitting charged more than one unit extra");
    }

    /// Fees round down and capital takes the rest: the split adds up and never pays fees above their rate.
    function testFuzz_premiumSplit_addsUpAndRoundsFeesDown(uint256 amount, uint16 arbiterBps, uint16 creatorBps)
        public
        pure
    {
        amount = bound(amount, 0, MAX_AMOUNT);
        arbiterBps = uint16(bound(arbiterBps, 0, 5000));
        creatorBps = uint16(bound(creatorBps, 0, 5000 - arbiterBps));
        (uint256 toCapital, uint256 arbiterFee, uint256 creatorFee) = Premium.split(amount, arbiterBps, creatorBps);
        assertEq(toCapital + arbiterFee + creatorFee, amount);
        assertLe(arbiterFee * 10_000, amount * arbiterBps);
        assertLe(creatorFee * 10_000, amount * creatorBps);
        assertGe(toCapital * 10_000, amount * (10_000 - arbiterBps - creatorBps));
    }

    // ----- ShareMath (SPEC §3.3: shares minted and assets paid round down) -----

    function testFuzz_shareMath_roundTripNeverGains(uint256 assets, uint256 shares, uint256 capital, uint256 supply)
        public
        pure
    {
        capital = bound(capital, 0, MAX_SHARE_AMOUNT);
        // A claim leaving less than 1e-9 of the shares' value closes the share epoch (SPEC §4).
        supply = bound(supply, 0, (capital + 1) * 1e9);
        assets = bound(assets, 0, MAX_SHARE_AMOUNT);
        shares = bound(shares, 0, supply);
        // Deposit then redeem at the price after the deposit: never more assets than went in.
        uint256 minted = ShareMath.toShares(assets, capital, supply);
        assertLe(ShareMath.toAssets(minted, capital, supply), assets, "assets -> shares -> assets gained");
        if (supply != 0) {
            assertLe(ShareMath.toAssets(minted, capital + assets, supply + minted), assets, "gained after minting");
        }
        // Redeem then deposit: never more shares than were given up.
        uint256 paid = ShareMath.toAssets(shares, capital, supply);
        assertLe(ShareMath.toShares(paid, capital, supply), shares, "shares -> assets -> shares gained");
    }

    /// Minting and burning never lower the price `(C + 1) / (S + 1)` the other holders see.
    function testFuzz_shareMath_mintAndBurnNeverLowerThePrice(
        uint256 assets,
        uint256 shares,
        uint256 capital,
        uint256 supply
    ) public pure {
        capital = bound(capital, 0, MAX_SHARE_AMOUNT);
        supply = bound(supply, 1, (capital + 1) * 1e9);
        assets = bound(assets, 0, MAX_SHARE_AMOUNT);
        uint256 minted = ShareMath.toShares(assets, capital, supply);
        assertGe((capital + assets + 1) * (supply + 1), (capital + 1) * (supply + minted + 1), "mint lowered price");
        shares = bound(shares, 0, supply);
        uint256 paid = ShareMath.toAssets(shares, capital, supply);
        assertGe((capital - paid + 1) * (supply + 1), (capital + 1) * (supply - shares + 1), "burn lowered price");
    }

    /// The min rule pays at most the pro-rata promise and at most the shares' worth.
    function testFuzz_requestPayment_neverExceedsPromiseOrWorth(
        uint256 shares,
        uint256 requestShares,
        uint256 assetsAtRequest,
        uint256 worth
    ) public pure {
        requestShares = bound(requestShares, 1, MAX_SHARE_AMOUNT);
        shares = bound(shares, 1, requestShares);
        assetsAtRequest = bound(assetsAtRequest, 0, MAX_SHARE_AMOUNT);
        worth = bound(worth, 0, MAX_SHARE_AMOUNT);
        uint256 paid = ShareMath.requestPayment(shares, requestShares, assetsAtRequest, worth);
        assertLe(paid, worth);
        assertLe(paid * requestShares, shares * assetsAtRequest);
    }

    // ----- Payout (SPEC §3) -----

    function testFuzz_payout_uncappedIsCoverPlusFreeCapital(uint256 active, uint256 free) public pure {
        active = bound(active, 0, MAX_AMOUNT);
        free = bound(free, 0, MAX_AMOUNT);
        assertEq(Payout.payout(active, free, 0), active + free);
    }

    function testFuzz_payout_cappedTakesAtMostMultipleMinusOneTimesCover(uint256 active, uint256 free, uint256 multiple)
        public
        pure
    {
        active = bound(active, 0, MAX_AMOUNT);
        free = bound(free, 0, MAX_AMOUNT);
        multiple = bound(multiple, 1, 10_000);
        uint256 p = Payout.payout(active, free, multiple);
        assertEq(p, active + Math.min(free, (multiple - 1) * active));
        assertLe(p, active + free, "more than the pool's cover plus free capital");
        assertLe(p, multiple * active, "more than the multiple");
    }
}
