// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Rounding} from "./Rounding.sol";

/// @notice The premium accumulator (SPEC §6) and the fee split. Pure math, no storage.
/// @dev SPEC keeps `owedWad` (premium owed, WAD-scaled) and charges `ceil(owedWad / 1e18)` minus what was charged.
/// We keep the equivalent `creditWad = due * 1e18 - owedWad`, always in [0, 1e18), so no per-pool total grows
/// without bound: `due' - due = ceil((a - credit) / 1e18)` when `a > credit`, else 0.
library Premium {
    uint256 internal constant WAD = 1e18;
    uint256 internal constant YEAR = 365 days;
    uint256 internal constant BPS = 10_000;

    /// @notice Accrue `speed` (WAD-assets per year) for `dt` seconds.
    /// Cannot wrap: a speed is a rate (at most 10e18) times a payout (below 2^130), so below 2^194, and `dt` is below
    /// 2^40 (uint40 times); `added > creditWad` where subtracted, and `increase * WAD` is within WAD of `excess`.
    /// @return increase the premium newly due (assets), @return newCredit the carried WAD remainder.
    function accrue(uint256 creditWad, uint256 speed, uint256 dt)
        internal
        pure
        returns (uint256 increase, uint256 newCredit)
    {
        unchecked {
            // Rounds up: the accumulator never under-counts what seekers owe.
            uint256 added = Rounding.divUp(speed * dt, YEAR);
            if (added <= creditWad) return (0, creditWad - added);
            uint256 excess = added - creditWad;
            increase = (excess - 1) / WAD + 1; // ceil(excess / 1e18), excess >= 1
            newCredit = increase * WAD - excess;
        }
    }

    /// @notice Split a charged premium: fees round down (the rest, capital's part, absorbs the dust).
    function split(uint256 amount, uint256 arbiterFeeBps, uint256 creatorFeeBps)
        internal
        pure
        returns (uint256 toCapital, uint256 arbiterFee, uint256 creatorFee)
    {
        // Cannot wrap: amounts are uint128 and the fees at most 5 000 bps together (SPEC §2).
        unchecked {
            arbiterFee = amount * arbiterFeeBps / BPS;
            creatorFee = amount * creatorFeeBps / BPS;
            toCapital = amount - arbiterFee - creatorFee;
        }
    }
}
