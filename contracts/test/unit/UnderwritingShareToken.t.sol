// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {UnderwritingTestBase} from "../utils/UnderwritingTestBase.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice The shares' ERC-20 surface: metadata, transfers and allowances.
contract UnderwritingShareTokenTest is UnderwritingTestBase {
    // ----- shares as an ERC-20 -----

    function test_shares_haveTheMetaPoolsNameSymbolAndTheAssetsDecimals() public view {
        assertEq(ext(mp).name(), "Canopy Blue-chip lending shares");
        assertEq(ext(mp).symbol(), "cnpyS");
        assertEq(ext(mp).decimals(), 18);
    }

    function test_transfer_movesShares_andEmitsTransfer() public {
        deposit(mp, alice, 100e18);
        vm.expectEmit(true, true, true, true, mp);
        emit IERC20.Transfer(alice, bob, 40e18);
        vm.prank(alice);
        assertTrue(ext(mp).transfer(bob, 40e18));
        assertEq(ext(mp).balanceOf(alice), 60e18);
        assertEq(ext(mp).balanceOf(bob), 40e18);
        assertEq(ext(mp).totalSupply(), 100e18);
        // The new holder can request them.
        uint256 requestId = requestWithdrawal(mp, bob, 40e18);
        assertEq(ext(mp).withdrawalRequest(requestId).owner, bob);
    }

    function test_transfer_revertsERC20InsufficientBalance_andERC20InvalidReceiver() public {
        deposit(mp, alice, 100e18);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, alice, 100e18, 100e18 + 1)
        );
        vm.prank(alice);
        ext(mp).transfer(bob, 100e18 + 1);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InvalidReceiver.selector, address(0)));
        vm.prank(alice);
        ext(mp).transfer(address(0), 1);
    }

    function test_approve_setsTheAllowance_andEmitsApproval() public {
        vm.expectEmit(true, true, true, true, mp);
        emit IERC20.Approval(alice, bob, 5e18);
        vm.prank(alice);
        assertTrue(ext(mp).approve(bob, 5e18));
        assertEq(ext(mp).allowance(alice, bob), 5e18);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InvalidSpender.selector, address(0)));
        vm.prank(alice);
        ext(mp).approve(address(0), 1);
    }

    function test_transferFrom_spendsTheAllowance_andRevertsBeyondIt() public {
        deposit(mp, alice, 100e18);
        vm.prank(alice);
        ext(mp).approve(bob, 30e18);
        vm.prank(bob);
        assertTrue(ext(mp).transferFrom(alice, carol, 20e18));
        assertEq(ext(mp).allowance(alice, bob), 10e18);
        assertEq(ext(mp).balanceOf(carol), 20e18);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, bob, 10e18, 10e18 + 1));
        vm.prank(bob);
        ext(mp).transferFrom(alice, carol, 10e18 + 1);
    }

    function test_transferFrom_keepsAnInfiniteAllowance() public {
        deposit(mp, alice, 100e18);
        vm.prank(alice);
        ext(mp).approve(bob, type(uint256).max);
        vm.prank(bob);
        ext(mp).transferFrom(alice, bob, 100e18);
        assertEq(ext(mp).allowance(alice, bob), type(uint256).max);
        assertEq(ext(mp).balanceOf(bob), 100e18);
    }
}
