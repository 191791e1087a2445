// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

contract Placeholder {
    function hello() external pure returns (uint256) {
        return 42;
    }
}
