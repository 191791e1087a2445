// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {UnderwritingTestBase} from "../utils/UnderwritingTestBase.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice SPEC §4: deposits, the shares they mint and why they are refused, and the ERC-4626 views.
contract UnderwritingDepositsTest is UnderwritingTestBase {
    // ----- deposit -----

    function test_deposit_mintsSharesOneToOne_whenTheSupplyIsZero() public {
        uint256 shares = deposit(mp, alice, 1000e18);
        assertEq(shares, 1000e18);
        assertEq(ext(mp).balanceOf(alice), 1000e18);
        assertEq(ext(mp).totalSupply(), 1000e18);
        assertEq(ext(mp).capital(), 1000e18);
        assertEq(ext(mp).totalAssets(), 1000e18);
        assertEq(token.balanceOf(mp), 1000e18);
        assertEq(token.balanceOf(alice), 0);
    }

    function test_deposit_emitsTransferAndDeposited_andMintsToTheReceiver() public {
        deposit(mp, carol, 50e18);
        fund(alice, 100e18);
        vm.prank(alice);
        token.approve(mp, 100e18);
        vm.expectEmit(true, true, true, true, mp);
        emit IERC20.Transfer(address(0), bob, 100e18);
        vm.expectEmit(true, true, true, true, mp);
        emit IMetaPoolEvents.Deposited(alice, bob, 100e18, 100e18, 150e18, 150e18);
        vm.prank(alice);
        uint256 shares = core(mp).deposit(100e18, bob);
        assertEq(shares, 100e18);
        assertEq(ext(mp).balanceOf(bob), 100e18);
        assertEq(ext(mp).balanceOf(alice), 0);
        assertEq(token.balanceOf(alice), 0);
    }

    function test_deposit_mintsSharesAtCapitalPlusOneOverSupplyPlusOne_roundedDown() public {
        liftPrice();
        uint256 c = ext(mp).capital();
        uint256 s = ext(mp).totalSupply();
        uint256 expected = 123_456_789_012_345_678_901 * (s + 1) / (c + 1);
        assertEq(ext(mp).previewDeposit(123_456_789_012_345_678_901), expected);
        assertLt(expected, 123_456_789_012_345_678_901);
        uint256 shares = deposit(mp, carol, 123_456_789_012_345_678_901);
        assertEq(shares, expected);
        assertEq(ext(mp).capital(), c + 123_456_789_012_345_678_901);
        assertEq(ext(mp).totalSupply(), s + expected);
        // Rounding down never lets the depositor take value from alice.
        assertLe(valueOf(mp, carol), 123_456_789_012_345_678_901);
    }

    /// Requested shares earn nothing: the premium they would have earned stays in C, and when every share has
    /// left, a deposit mints 1:1 and its holder owns what is left.
    /// With no shares left, the depositor takes the leftover as shares at exactly 1:1 (decision 19), so the share
    /// price restarts at 1 and the next depositor loses nothing to rounding.
    function test_deposit_mintsTheDepositPlusTheLeftover_andTheNewHolderOwnsIt_whenEveryShareLeft() public {
        withCover();
        uint256 requestId = requestWithdrawal(mp, alice, 1000e18);
        skip(7 days);
        uint256 tokens = coverToken(mp, 0).balanceOf(bob);
        vm.prank(bob);
        core(mp).withdrawProtection(0, tokens, bob);
        assertEq(completeWithdrawal(mp, alice, requestId, 1000e18), 1000e18);
        uint256 leftover = ext(mp).capital();
        assertGt(leftover, 0);
        assertEq(ext(mp).totalSupply(), 0);

        assertEq(ext(mp).previewDeposit(10e18), leftover + 10e18);
        assertEq(deposit(mp, carol, 10e18), leftover + 10e18);
        assertEq(ext(mp).capital(), leftover + 10e18);
        assertEq(ext(mp).totalSupply(), ext(mp).capital());
        // All of it but the virtual share's sliver.
        assertApproxEqAbs(valueOf(mp, carol), leftover + 10e18, 2);
        assertLe(valueOf(mp, carol), leftover + 10e18);
    }

    function test_deposit_revertsZeroAmount() public {
        vm.expectRevert(IMetaPoolErrors.ZeroAmount.selector);
        vm.prank(alice);
        core(mp).deposit(0, alice);
    }

    function test_deposit_revertsZeroAddress_forTheZeroReceiver() public {
        fund(alice, 1e18);
        vm.prank(alice);
        token.approve(mp, 1e18);
        vm.expectRevert(IMetaPoolErrors.ZeroAddress.selector);
        vm.prank(alice);
        core(mp).deposit(1e18, address(0));
    }

    /// One share left with the premium earned after a request behind it: a share costs more than the deposit.
    function test_deposit_revertsZeroShares_whenOneShareCostsMoreThanTheDeposit() public {
        withCover();
        uint256 requestId = requestWithdrawal(mp, alice, 1000e18 - 1);
        skip(7 days);
        uint256 tokens = coverToken(mp, 0).balanceOf(bob);
        vm.prank(bob);
        core(mp).withdrawProtection(0, tokens, bob);
        completeWithdrawal(mp, alice, requestId, 1000e18 - 1);
        assertEq(ext(mp).totalSupply(), 1);
        uint256 c = ext(mp).capital();
        assertGt(c, 1e15);

        // assets * (1 + 1) / (C + 1) rounds to 0 for any assets <= C / 2.
        uint256 assets = c / 2;
        assertEq(ext(mp).previewDeposit(assets), 0);
        expectDepositRevert(mp, carol, assets, abi.encodeWithSelector(IMetaPoolErrors.ZeroShares.selector, assets));
        // One wei more than half the capital buys the first share.
        assertEq(deposit(mp, carol, c / 2 + 1), 1);
    }

    function test_deposit_revertsClaimPending_whileAClaimIsPending() public {
        withCover();
        uint256 claimId = fileClaim(mp, bob, 0);
        expectDepositRevert(mp, carol, 1e18, abi.encodeWithSelector(IMetaPoolErrors.ClaimPending.selector, claimId));
    }

    function test_deposit_revertsMetaPoolIsShutDown_afterShutdown() public {
        deposit(mp, alice, 1e18);
        vm.prank(arbiter);
        core(mp).shutdown();
        expectDepositRevert(mp, carol, 1e18, abi.encodeWithSelector(IMetaPoolErrors.MetaPoolIsShutDown.selector));
    }

    // ----- ERC-4626 views -----

    /// SPEC §9 example 3: a day after example 1, C has gained 192 328 767 123 287 676 wei, seen before any sync.
    function test_totalAssets_isCapitalProjectedToNow_beforeAnySync() public {
        address pool = createWithCover(specParams(token, 3), 1000e18, sameCovers(3, 100e18));
        skip(1 days);
        assertEq(ext(pool).totalAssets(), 1000e18 + 192_328_767_123_287_676);
        assertEq(ext(pool).capital(), 1000e18 + 192_328_767_123_287_676);
        core(pool).poke(16);
        assertEq(ext(pool).totalAssets(), 1000e18 + 192_328_767_123_287_676);
    }

    function test_convertToSharesAndAssets_useOneVirtualShareAndOneVirtualAsset() public {
        assertEq(ext(mp).convertToShares(123), 123);
        assertEq(ext(mp).convertToAssets(123), 123);
        liftPrice();
        skip(1 days);
        uint256 c = ext(mp).totalAssets();
        uint256 s = ext(mp).totalSupply();
        assertEq(ext(mp).convertToShares(777e18), 777e18 * (s + 1) / (c + 1));
        assertEq(ext(mp).convertToAssets(777e18), 777e18 * (c + 1) / (s + 1));
        assertEq(ext(mp).convertToAssets(s), s * (c + 1) / (s + 1));
        assertLt(ext(mp).convertToAssets(s), c);
    }

    function test_previewDeposit_equalsTheSharesADepositMintsThisSecond() public {
        liftPrice();
        skip(3 days);
        uint256 preview = ext(mp).previewDeposit(10e18);
        assertEq(deposit(mp, carol, 10e18), preview);
    }

    function test_maxDeposit_isZero_whileAClaimIsPending() public {
        withCover();
        assertEq(ext(mp).maxDeposit(carol), type(uint128).max - ext(mp).capital());
        fileClaim(mp, bob, 0);
        assertEq(ext(mp).maxDeposit(carol), 0);
    }

    function test_maxDeposit_isZero_afterShutdown() public {
        deposit(mp, alice, 1e18);
        vm.prank(arbiter);
        core(mp).shutdown();
        assertEq(ext(mp).maxDeposit(carol), 0);
    }

    function test_mintWithdrawAndRedeem_revertUseWithdrawalRequest() public {
        deposit(mp, alice, 100e18);
        vm.startPrank(alice);
        vm.expectRevert(IMetaPoolErrors.UseWithdrawalRequest.selector);
        ext(mp).mint(1e18, alice);
        vm.expectRevert(IMetaPoolErrors.UseWithdrawalRequest.selector);
        ext(mp).withdraw(1e18, alice, alice);
        vm.expectRevert(IMetaPoolErrors.UseWithdrawalRequest.selector);
        ext(mp).redeem(1e18, alice, alice);
        vm.stopPrank();
        assertEq(ext(mp).balanceOf(alice), 100e18);
    }

    function test_maxMintMaxWithdrawAndMaxRedeem_areZero_evenForAHolder() public {
        deposit(mp, alice, 100e18);
        assertEq(ext(mp).maxMint(alice), 0);
        assertEq(ext(mp).maxWithdraw(alice), 0);
        assertEq(ext(mp).maxRedeem(alice), 0);
        assertEq(ext(mp).asset(), address(token));
    }
}
