// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPoolStorage} from "./MetaPoolStorage.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";

/// @notice One transaction for approve-by-signature plus an action (the Uniswap periphery pattern):
/// `multicall([selfPermit(...), deposit(...)])`. Lives in the extension facet.
abstract contract Batching is MetaPoolStorage {
    /// @notice Runs each call on this MetaPool as the caller, in order; reverts with the first failure's reason.
    /// @dev Not `nonReentrant` itself: each inner call takes the lock. No ETH is ever involved.
    function multicall(bytes[] calldata data) external returns (bytes[] memory results) {
        results = new bytes[](data.length);
        for (uint256 i; i < data.length; ++i) {
            results[i] = Address.functionDelegateCall(address(this), data[i]);
        }
    }

    /// @notice EIP-2612 permit of the asset from the caller to this MetaPool. If the permit fails but the allowance
    /// is already there (someone submitted the same signature first), it goes on, so a front-run permit cannot
    /// block the action that follows it.
    function selfPermit(address token, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        nonReentrant
    {
        address asset = _asset();
        if (token != asset) revert PermitTokenNotAsset(token, asset);
        if (block.timestamp > deadline) revert PermitExpired(deadline, block.timestamp);
        try IERC20Permit(token).permit(msg.sender, address(this), value, deadline, v, r, s) {
            return;
        } catch {
            uint256 allowance = IERC20(token).allowance(msg.sender, address(this));
            if (allowance < value) revert PermitRejected(value, allowance);
        }
    }
}
