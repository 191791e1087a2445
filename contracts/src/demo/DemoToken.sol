// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @title DemoToken
/// @notice A demo asset for local chains: anyone may take up to `FAUCET_LIMIT` whole tokens per call.
/// Supports EIP-2612 permits, so the app can approve by signature. Deployed only on local chains (chain id 31337) by the deploy script; never part of the protocol.
contract DemoToken is ERC20, ERC20Permit {
    uint256 public constant FAUCET_LIMIT = 1_000_000;
    uint8 private immutable _decimals;

    /// @notice More than `FAUCET_LIMIT` whole tokens were asked for at once.
    error FaucetLimitExceeded(uint256 requested, uint256 limit);

    constructor(string memory name_, string memory symbol_, uint8 decimals_) ERC20(name_, symbol_) ERC20Permit(name_) {
        _decimals = decimals_;
    }

    function decimals() public view override returns (uint8) {
        return _decimals;
    }

    /// @notice Mints `amount` base units to the caller.
    function faucet(uint256 amount) external {
        uint256 limit = FAUCET_LIMIT * 10 ** _decimals;
        if (amount > limit) revert FaucetLimitExceeded(amount, limit);
        _mint(msg.sender, amount);
    }
}
