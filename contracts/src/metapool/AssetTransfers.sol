// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPoolStorage} from "./MetaPoolStorage.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @notice Moving the asset in and out. Incoming transfers are measured, so fee-on-transfer tokens revert.
abstract contract AssetTransfers is MetaPoolStorage {
    using SafeERC20 for IERC20;

    function _pullAsset(address from, uint256 amount) internal {
        IERC20 asset = IERC20(_asset());
        uint256 before = asset.balanceOf(address(this));
        asset.safeTransferFrom(from, address(this), amount);
        uint256 received = asset.balanceOf(address(this)) - before;
        if (received != amount) revert TransferAmountMismatch(amount, received);
    }

    function _pushAsset(address to, uint256 amount) internal {
        if (amount != 0) IERC20(_asset()).safeTransfer(to, amount);
    }
}
