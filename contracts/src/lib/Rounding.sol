// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice Division rounded up. Every product here fits in 256 bits (amounts are uint128, rates at most
/// 10e18, times at most uint40), so checked arithmetic replaces 512-bit mulDiv and keeps MetaPool small.
library Rounding {
    function mulDivUp(uint256 a, uint256 b, uint256 d) internal pure returns (uint256) {
        // Checked: the product is the one step whose bound comes from the callers.
        uint256 product = a * b;
        // `product >= 1` and `d >= 1` (a zero divisor still panics), so neither step can wrap.
        unchecked {
            return product == 0 ? 0 : (product - 1) / d + 1;
        }
    }

    function divUp(uint256 a, uint256 d) internal pure returns (uint256) {
        unchecked {
            return a == 0 ? 0 : (a - 1) / d + 1;
        }
    }
}
