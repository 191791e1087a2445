// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPoolStorage} from "./MetaPoolStorage.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @notice Moving the asset in and out. Incoming transfers are measured, so fee-on-transfer tokens revert.
abstract contract AssetTransfers is MetaPoolStorage {
    using SafeERC20 for IERC20;

    function _pullAsset(address from, uint256 amount) internal {
        address asset = _asset();
        uint256 before = _balanceOfThis(asset);
        IERC20(asset).safeTransferFrom(from, address(this), amount);
        uint256 received = _balanceOfThis(asset) - before;
        if (received != amount) revert TransferAmountMismatch(amount, received);
    }

    /// @dev `IERC20(asset).balanceOf(address(this))`, as the high-level call would do it (a failed call reverts with
    /// its reason; an answer shorter than a word, or no code at `asset`, reverts without one), in scratch memory.
    function _balanceOfThis(address asset) private view returns (uint256 amount) {
        assembly ("memory-safe") {
            mstore(0, shl(224, 0x70a08231)) // balanceOf(address)
            mstore(4, address())
            let ok := staticcall(gas(), asset, 0, 0x24, 0, 0x20)
            if iszero(ok) {
                returndatacopy(0, 0, returndatasize())
                revert(0, returndatasize())
            }
            if lt(returndatasize(), 0x20) { revert(0, 0) }
            amount := mload(0)
        }
    }

    function _pushAsset(address to, uint256 amount) internal {
        if (amount != 0) IERC20(_asset()).safeTransfer(to, amount);
    }
}
