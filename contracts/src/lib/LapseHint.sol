// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @notice The lapse pre-check kept next to K in a pool's hot slot (SPEC §5: an epoch lapses when
/// `K * 1e9 < supply`), so a sync reads the supply only when a lapse is possible. Pure math, no storage.
/// `K * 1e9 < supply` holds exactly when `K < ceil(supply / 1e9)` (integers), so the hint is that threshold:
/// stored exactly below 2^50, otherwise rounded UP to 50 significant bits (6-bit exponent, 56 bits in all).
/// Rounding up keeps the pre-check conservative: `K >= decode(hint)` proves the pool cannot lapse; below it the
/// caller reads the supply and decides exactly. Below 2^50 (1.1e24 tokens) it never even asks needlessly.
library LapseHint {
    /// An epoch lapses when what is left is below 1e-9 of its 1:1 value.
    uint256 internal constant DUST_RATIO = 1e9;
    uint256 private constant MANTISSA_BITS = 50;
    uint256 private constant MANTISSA_MASK = 0x3ffffffffffff; // 2^50 - 1

    /// @notice The hint for `supply` tokens (0 when there are none: an empty pool never lapses).
    function encode(uint256 supply) internal pure returns (uint56) {
        // ceil(supply / 1e9), rounded up: the least K that keeps the epoch open.
        uint256 threshold = supply == 0 ? 0 : (supply - 1) / DUST_RATIO + 1;
        if (threshold <= MANTISSA_MASK) return uint56(threshold);
        // threshold < 2^99 (supply < 2^128), so the exponent fits 6 bits.
        uint256 exponent = Math.log2(threshold) + 1 - MANTISSA_BITS;
        // Rounded up, so the decoded bound is never below the threshold.
        uint256 mantissa = ((threshold - 1) >> exponent) + 1;
        if (mantissa > MANTISSA_MASK) (mantissa, exponent) = (mantissa >> 1, exponent + 1);
        return uint56((exponent << MANTISSA_BITS) | mantissa);
    }

    /// @notice An upper bound of `ceil(supply / 1e9)` (exact below 2^50): `active < decode(hint)` whenever the
    /// epoch would lapse at `active`.
    function decode(uint256 hint) internal pure returns (uint256) {
        return (hint & MANTISSA_MASK) << (hint >> MANTISSA_BITS);
    }
}
