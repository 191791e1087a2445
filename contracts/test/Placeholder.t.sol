// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Placeholder} from "../src/Placeholder.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Test} from "forge-std/Test.sol";

contract PlaceholderTest is Test {
    function test_hello_returns42() public {
        assertEq(new Placeholder().hello(), 42);
    }
}
