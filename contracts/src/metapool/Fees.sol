// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Premium} from "../lib/Premium.sol";
import {AssetTransfers} from "./AssetTransfers.sol";
import {Syncing} from "./Syncing.sol";

/// @notice Creator and arbiter fees, and the claimable balances they share with returned claim bonds.
abstract contract Fees is Syncing, AssetTransfers {
    /// @dev Charges premium outside a sync (claim debt): split into fees and capital in storage.
    function _chargePremium(uint256 amount) internal {
        if (amount == 0) return;
        (uint256 toCapital, uint256 arbiterFee, uint256 creatorFee) =
            Premium.split(amount, _config.arbiterFeeBps, _config.creatorFeeBps);
        _capital += uint128(toCapital);
        _owed[_config.arbiter] += arbiterFee;
        _owed[_config.creator] += creatorFee;
        _owedTotal += arbiterFee + creatorFee;
    }

    /// @dev Credits `amount` to `account`'s claimable balance (pull payment: a blocked transfer to one
    /// account can never block a ruling or a shutdown).
    function _credit(address account, uint256 amount) internal {
        _owed[account] += amount;
        _owedTotal += amount;
    }
}
