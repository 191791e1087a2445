// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice Division rounded up. Every product here fits in 256 bits (amounts are uint128, rates at most
/// 10e18, times at most uint40), so checked arithmetic replaces 512-bit mulDiv and keeps MetaPool small.
library Rounding {
    /// @notice `ceil(a * b / d)`, 0 when the product is 0. Behaves exactly like the checked Solidity
    /// `product == 0 ? 0 : (product - 1) / d + 1` with `product = a * b`: Panic(0x11) when the product overflows,
    /// Panic(0x12) for a zero divisor. Written in assembly because every sync runs it three times a pool.
    function mulDivUp(uint256 a, uint256 b, uint256 d) internal pure returns (uint256 r) {
        assembly ("memory-safe") {
            let product := mul(a, b)
            if iszero(or(iszero(a), eq(div(product, a), b))) {
                mstore(0, shl(224, 0x4e487b71)) // Panic(uint256)
                mstore(4, 0x11) // arithmetic overflow
                revert(0, 0x24)
            }
            if product {
                if iszero(d) {
                    mstore(0, shl(224, 0x4e487b71))
                    mstore(4, 0x12) // division by zero
                    revert(0, 0x24)
                }
                r := add(div(sub(product, 1), d), 1)
            }
        }
    }

    /// @notice `ceil(a / d)`, 0 when `a` is 0 (Panic(0x12) for a zero divisor otherwise).
    function divUp(uint256 a, uint256 d) internal pure returns (uint256) {
        unchecked {
            return a == 0 ? 0 : (a - 1) / d + 1;
        }
    }
}
