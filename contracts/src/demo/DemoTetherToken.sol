// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title DemoTetherToken
/// @notice A USDT-style demo asset for local chains: 6 decimals, `transfer`, `transferFrom` and `approve` return
/// nothing, and `approve` from a non-zero allowance to another non-zero one reverts (USDT's rule), so the app must
/// reset an allowance to 0 first. Anyone may take up to `FAUCET_LIMIT` whole tokens per call. Never part of the
/// protocol; deployed only on local chains by the deploy script.
contract DemoTetherToken {
    uint256 public constant FAUCET_LIMIT = 1_000_000;
    uint8 internal constant DECIMALS = 6;

    uint256 public totalSupply;
    mapping(address account => uint256) public balanceOf;
    mapping(address owner => mapping(address spender => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    /// @notice More than `FAUCET_LIMIT` whole tokens were asked for at once.
    error FaucetLimitExceeded(uint256 requested, uint256 limit);
    /// @notice USDT's rule: change a non-zero allowance only through 0.
    error ApproveFromNonZero(uint256 current, uint256 requested);
    error InsufficientBalance(uint256 balance, uint256 needed);
    error InsufficientAllowance(uint256 allowance, uint256 needed);

    function name() external pure returns (string memory) {
        return "Demo Tether";
    }

    function symbol() external pure returns (string memory) {
        return "dUSDT";
    }

    function decimals() external pure returns (uint8) {
        return DECIMALS;
    }

    /// @notice Mints `amount` base units to the caller.
    function faucet(uint256 amount) external {
        uint256 limit = FAUCET_LIMIT * 10 ** DECIMALS;
        if (amount > limit) revert FaucetLimitExceeded(amount, limit);
        totalSupply += amount;
        balanceOf[msg.sender] += amount;
        emit Transfer(address(0), msg.sender, amount);
    }

    function approve(address spender, uint256 value) external {
        uint256 current = allowance[msg.sender][spender];
        if (current != 0 && value != 0) revert ApproveFromNonZero(current, value);
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
    }

    function transfer(address to, uint256 value) external {
        _move(msg.sender, to, value);
    }

    function transferFrom(address from, address to, uint256 value) external {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed != type(uint256).max) {
            if (allowed < value) revert InsufficientAllowance(allowed, value);
            allowance[from][msg.sender] = allowed - value;
        }
        _move(from, to, value);
    }

    function _move(address from, address to, uint256 value) private {
        uint256 balance = balanceOf[from];
        if (balance < value) revert InsufficientBalance(balance, value);
        balanceOf[from] = balance - value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
    }
}
