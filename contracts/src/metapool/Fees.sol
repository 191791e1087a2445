// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Premium} from "../lib/Premium.sol";
import {AssetTransfers} from "./AssetTransfers.sol";
import {Syncing} from "./Syncing.sol";

/// @notice Creator and arbiter fees (one slot, which every charged premium adds to), and the claimable balances of
/// returned claim bonds; `claimFees` pays an account both.
abstract contract Fees is Syncing, AssetTransfers {
    /// @dev Charges premium outside a sync (claim debt): split into fees and capital in storage.
    function _chargePremium(uint256 amount) internal {
        if (amount == 0) return;
        (uint256 arbiterFeeBps, uint256 creatorFeeBps,,,,) = _settings();
        (uint256 toCapital, uint256 arbiterFee, uint256 creatorFee) =
            Premium.split(amount, arbiterFeeBps, creatorFeeBps);
        _capital += uint128(toCapital);
        _addFees(arbiterFee, creatorFee);
    }
}
