// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {FundingCurve} from "../interfaces/MetaPoolTypes.sol";

/// @notice One pool's premium over one accrual segment (SPEC §6 steps 1 and 3 for a single pool), in one pass:
/// the speed `r(u) * P` fixed from its K and the free capital, then the accumulator over `dt`. Pure math, no
/// storage. The formulas and every rounding are exactly those of `FundingRate.utilisation`, `FundingRate.rate`,
/// `Payout.payout` and `Premium.accrue` (which views and the general sync path use), written out in assembly
/// because the common sync runs this once per pool; `test/fuzz/MathFuzz.t.sol` checks that both give the same
/// result for every input.
library PoolAccrual {
    uint256 internal constant WAD = 1e18;
    uint256 internal constant YEAR = 365 days;

    /// @param active K, non-zero, below 2^128
    /// @param free F, below 2^128
    /// @param creditWad the pool's accumulator remainder, below 1e18
    /// @param dt seconds, below 2^40
    /// @param curve a valid curve (SPEC §2: `0 < kink < 1e18`, `baseRate + slope1 + slope2 <= 10e18`)
    /// @param payoutMultiple 0 (uncapped) or 1..10 000
    /// @return increase the premium newly due (assets), @return newCredit the carried remainder
    /// Nothing wraps under these bounds (the speed is below 2^195, `speed * dt` below 2^235) and no divisor is 0.
    function accrue(
        uint256 active,
        uint256 free,
        uint256 creditWad,
        uint256 dt,
        FundingCurve memory curve,
        uint256 payoutMultiple
    ) internal pure returns (uint256 increase, uint256 newCredit) {
        assembly ("memory-safe") {
            // Every division rounds up, against the seekers who pay: ceil(x / d) is `(x - 1) / d + 1` for x > 0, and
            // `mul(iszero(iszero(x)), ...)` makes it 0 for x = 0 (the wrapped `x - 1` is then multiplied away).
            // u = ceil(K * 1e18 / (K + F)) <= 1e18 (K > 0, so the numerator is not 0)
            let u := add(div(sub(mul(active, WAD), 1), add(active, free)), 1)
            let rate := mload(curve) // baseRate
            let kink := mload(add(curve, 0x40))
            let x := 0
            switch gt(u, kink)
            case 0 {
                x := mul(mload(add(curve, 0x20)), u) // slope1 * u, over kink
                rate := add(rate, mul(iszero(iszero(x)), add(div(sub(x, 1), kink), 1)))
            }
            default {
                x := mul(mload(add(curve, 0x60)), sub(u, kink)) // slope2 * (u - kink), over 1e18 - kink
                rate := add(
                    add(rate, mload(add(curve, 0x20))),
                    mul(iszero(iszero(x)), add(div(sub(x, 1), sub(WAD, kink)), 1))
                )
            }
            // P = K + F, or K + min(F, (multiple - 1) * K)
            let payout := add(active, free)
            if payoutMultiple {
                let extra := mul(sub(payoutMultiple, 1), active)
                if lt(extra, free) { payout := add(active, extra) }
            }
            // owedWad grows by ceil(speed * dt / YEAR); the premium due by ceil(owedWad / 1e18) (see Premium)
            x := mul(mul(rate, payout), dt)
            let added := mul(iszero(iszero(x)), add(div(sub(x, 1), YEAR), 1))
            switch gt(added, creditWad)
            case 0 { newCredit := sub(creditWad, added) }
            default {
                let excess := sub(added, creditWad)
                increase := add(div(sub(excess, 1), WAD), 1)
                newCredit := sub(mul(increase, WAD), excess)
            }
        }
    }
}
