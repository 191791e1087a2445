// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {FundingCurve} from "../interfaces/MetaPoolTypes.sol";
import {Rounding} from "./Rounding.sol";

/// @notice The kinked funding curve and utilisation (SPEC §3, §6). Pure math, no storage.
library FundingRate {
    uint256 internal constant WAD = 1e18;

    /// @notice Yearly funding rate (WAD) at utilisation `u` (WAD).
    /// Each division rounds up: the rate is a price seekers pay, so it never rounds in their favour.
    /// Cannot wrap for any `u`: the curve's fields are uint64 (added as uint256), `kink < 1e18`, and `u` enters
    /// only below the kink or capped at `1e18` above it, so every product stays below 2^128.
    function rate(FundingCurve memory curve, uint256 u) internal pure returns (uint256) {
        unchecked {
            uint256 kink = curve.kink;
            if (u <= kink) return uint256(curve.baseRate) + Rounding.divUp(curve.slope1 * u, kink);
            uint256 over = u > WAD ? WAD - kink : u - kink;
            return uint256(curve.baseRate) + curve.slope1 + Rounding.divUp(curve.slope2 * over, WAD - kink);
        }
    }

    /// @notice `u = K / (K + F)` in WAD, rounded up (0 when both are 0).
    /// Cannot wrap: K and F are amounts (below 2^129), so `K * 1e18` stays below 2^189.
    function utilisation(uint256 active, uint256 free) internal pure returns (uint256) {
        unchecked {
            uint256 open = active + free;
            if (open == 0) return 0;
            return Rounding.divUp(active * WAD, open);
        }
    }
}
