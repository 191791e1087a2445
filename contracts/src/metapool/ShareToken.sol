// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPoolStorage, ShareBalance, ShareEpochRate} from "./MetaPoolStorage.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @notice The MetaPool's shares: an ERC-20 whose balances live in share epochs (SPEC §4).
/// When a near-full wipe closes an epoch, every share of it converts lazily, on its holder's next touch,
/// into `floor(shares * capital / supply)` shares of the next epoch; value is unchanged and the rounding
/// dust stays in capital.
abstract contract ShareToken is MetaPoolStorage, IERC20Errors {
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    event ShareEpochConverted(address indexed account, uint32 fromEpoch, uint32 toEpoch, uint256 shares);

    /// @dev Brings `account` to the current epoch and returns its balance.
    function _settleShares(address account) internal returns (uint256 amount) {
        ShareBalance memory b = _shareBalances[account];
        uint32 current = _shareEpoch;
        if (b.epoch == current) return b.amount;
        amount = _convertShares(b.amount, b.epoch);
        _shareBalances[account] = ShareBalance(current, uint224(amount));
        if (b.amount != 0) emit ShareEpochConverted(account, b.epoch, current, amount);
    }

    function _transferShares(address from, address to, uint256 value) internal {
        if (from == address(0)) revert ERC20InvalidSender(address(0));
        if (to == address(0)) revert ERC20InvalidReceiver(address(0));
        uint256 fromBalance = _settleShares(from);
        if (fromBalance < value) revert ERC20InsufficientBalance(from, fromBalance, value);
        uint256 toBalance = _settleShares(to);
        _shareBalances[from].amount = uint224(fromBalance - value);
        _shareBalances[to].amount = uint224(to == from ? fromBalance : toBalance + value);
        emit Transfer(from, to, value);
    }

    function _mintShares(address to, uint256 value) internal {
        if (to == address(0)) revert ERC20InvalidReceiver(address(0));
        uint256 balance = _settleShares(to);
        _shareSupply = SafeCast.toUint224(_shareSupply + value);
        _shareBalances[to].amount = uint224(balance + value);
        emit Transfer(address(0), to, value);
    }

    function _burnShares(address from, uint256 value) internal {
        uint256 balance = _settleShares(from);
        if (balance < value) revert ERC20InsufficientBalance(from, balance, value);
        _shareBalances[from].amount = uint224(balance - value);
        _shareSupply -= uint224(value);
        emit Transfer(from, address(0), value);
    }

    /// @dev Closes the share epoch: holders convert at `capital / supply`; the new supply is
    /// `floor(supply * capital / supply) = capital`, an upper bound of the converted balances
    /// (the difference is rounding dust whose value stays in capital).
    function _closeShareEpoch(uint256 capital) internal returns (uint32 closed) {
        closed = _shareEpoch;
        _shareEpochRates[closed] = ShareEpochRate(capital, _shareSupply);
        _shareEpoch = closed + 1;
        _shareSupply = uint224(capital);
    }
}
