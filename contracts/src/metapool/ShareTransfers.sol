// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ShareBalance} from "./MetaPoolStorage.sol";
import {ShareToken} from "./ShareToken.sol";

/// @notice The shares' ERC-20 surface (balances projected through share epochs, transfers, allowances).
/// It lives in the extension facet; MetaPool itself only mints, burns and moves shares internally.
abstract contract ShareTransfers is ShareToken {
    function name() external view returns (string memory) {
        return string.concat("Canopy ", _name, " shares");
    }

    function symbol() external pure returns (string memory) {
        return "cnpyS";
    }

    function decimals() external view returns (uint8) {
        return _decimals;
    }

    function totalSupply() external view returns (uint256) {
        return _shareSupply;
    }

    function balanceOf(address account) external view returns (uint256) {
        ShareBalance memory b = _shareBalances[account];
        return _convertShares(b.amount, b.epoch);
    }

    function allowance(address owner, address spender) external view returns (uint256) {
        return _allowances[owner][spender];
    }

    function approve(address spender, uint256 value) external nonReentrant returns (bool) {
        if (spender == address(0)) revert ERC20InvalidSpender(address(0));
        _allowances[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transfer(address to, uint256 value) external nonReentrant returns (bool) {
        _transferShares(msg.sender, to, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external nonReentrant returns (bool) {
        uint256 allowed = _allowances[from][msg.sender];
        if (allowed != type(uint256).max) {
            if (allowed < value) revert ERC20InsufficientAllowance(msg.sender, allowed, value);
            _allowances[from][msg.sender] = allowed - value;
        }
        _transferShares(from, to, value);
        return true;
    }
}
