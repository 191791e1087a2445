// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice An ERC-20 with a transfer hook (ERC-777 style): once armed by the test, the next `transfer` or
/// `transferFrom` first calls `target` with `data`, then moves the tokens. A revert in the hook bubbles up,
/// so a reentrancy guard's error reaches the test unchanged.
contract ReentrantToken is ERC20 {
    address public hookTarget;
    bytes public hookData;

    constructor() ERC20("Reentrant USD", "RUSD") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Arms a one-shot hook: the next transfer calls `target` with `data`.
    function setHook(address target, bytes calldata data) external {
        hookTarget = target;
        hookData = data;
    }

    function transfer(address to, uint256 value) public override returns (bool) {
        _runHook();
        return super.transfer(to, value);
    }

    function transferFrom(address from, address to, uint256 value) public override returns (bool) {
        _runHook();
        return super.transferFrom(from, to, value);
    }

    function _runHook() private {
        address target = hookTarget;
        if (target == address(0)) return;
        bytes memory data = hookData;
        // Disarm first, so a hook that transfers this token does not loop.
        hookTarget = address(0);
        delete hookData;
        (bool ok, bytes memory ret) = target.call(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 32), mload(ret))
            }
        }
    }
}
