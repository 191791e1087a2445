// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../../src/interfaces/ICoverToken.sol";
import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {ProtectionTestBase} from "../utils/ProtectionTestBase.sol";

/// @notice SPEC §6: withdrawing cover: what the tokens pay, closing the epoch, and the debt during a claim.
contract ProtectionWithdrawalTest is ProtectionTestBase {
    // ----- withdrawProtection -----

    function test_withdrawProtection_paysTokensTimesActiveOverSupply_roundedDown() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        skip(10 days);
        uint256 active = ext(mp).pool(0).active;
        assertLt(active, 100e18);
        uint256 tokens = 33e18 + 7;
        uint256 expected = tokens * active / 100e18;
        assertEq(ext(mp).previewWithdrawProtection(0, tokens), expected);
        vm.expectEmit(true, true, true, true, mp);
        emit IMetaPoolEvents.ProtectionWithdrawn(
            0, 0, bob, carol, tokens, expected, 0, active - expected, 100e18 - tokens
        );
        vm.prank(bob);
        assertEq(core(mp).withdrawProtection(0, tokens, carol), expected);
        assertEq(token.balanceOf(carol), expected);
        assertEq(coverToken(mp, 0).balanceOf(bob), 100e18 - tokens);
        assertEq(coverToken(mp, 0).totalSupply(), 100e18 - tokens);
        assertEq(ext(mp).pool(0).active, active - expected);
        assertEq(ext(mp).pool(0).coverSupply, 100e18 - tokens);
    }

    function test_withdrawProtection_revertsInsufficientCover_withTheBalance() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.InsufficientCover.selector, 100e18 + 1, 100e18));
        vm.prank(bob);
        core(mp).withdrawProtection(0, 100e18 + 1, bob);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.InsufficientCover.selector, 1, 0));
        vm.prank(carol);
        core(mp).withdrawProtection(0, 1, carol);
        // A pool whose epoch never opened.
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.InsufficientCover.selector, 1, 0));
        vm.prank(bob);
        core(mp).withdrawProtection(2, 1, bob);
    }

    function test_withdrawProtection_closesTheEpoch_whenTheLastTokenLeaves() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        address first = address(coverToken(mp, 0));
        skip(1 days);
        uint256 active = ext(mp).pool(0).active;
        vm.expectEmit(true, true, true, true, mp);
        emit IMetaPoolEvents.CoverEpochClosed(0, 0, 0, 0, false);
        vm.prank(bob);
        assertEq(core(mp).withdrawProtection(0, 100e18, bob), active);
        assertEq(ext(mp).pool(0).epoch, 1);
        assertEq(ext(mp).pool(0).token, address(0));
        assertEq(ext(mp).pool(0).active, 0);
        assertEq(ext(mp).metaPoolView().totalActive, 0);

        buyActive(mp, carol, 0, 10e18);
        ICoverToken second = coverToken(mp, 0);
        assertTrue(address(second) != first);
        assertEq(second.symbol(), "cnpy-0-e1");
        assertEq(second.epoch(), 1);
        assertEq(ext(mp).coverToken(0, 0), first);
        assertEq(ext(mp).coverToken(0, 1), address(second));
        assertEq(ext(mp).pool(0).epochOpenedAt, block.timestamp);
    }

    /// While bob's claim on pool 0 is pending, carol leaves: she pays her share of the premium debt, rounded up,
    /// and is paid her share of K less the debt, rounded down.
    function test_withdrawProtection_whileAClaimIsPending_chargesTheTokensShareOfThePremiumDebt() public {
        deposit(mp, alice, 1000e18);
        buy(mp, bob, 0, 60e18);
        buyActive(mp, carol, 0, 40e18);
        fileClaim(mp, bob, 0);
        skip(10 days);
        uint256 active = ext(mp).pool(0).active;
        uint256 debt = ext(mp).pool(0).debt;
        assertEq(active, 100e18);
        assertGt(debt, 0);
        uint256 charged = (40e18 * debt - 1) / 100e18 + 1;
        uint256 assets = 40e18 * (active - debt) / 100e18;
        assertEq(ext(mp).previewWithdrawProtection(0, 40e18), assets);
        assertEq(coverToken(mp, 0).balanceOfUnderlying(carol), assets);
        uint256 capitalBefore = ext(mp).capital();

        vm.expectEmit(true, true, true, true, mp);
        emit IMetaPoolEvents.ProtectionWithdrawn(
            0, 0, carol, carol, 40e18, assets, charged, active - charged - assets, 60e18
        );
        vm.prank(carol);
        assertEq(core(mp).withdrawProtection(0, 40e18, carol), assets);
        assertEq(ext(mp).capital(), capitalBefore + charged - feeOf(charged, 500) - feeOf(charged, 500));
        assertEq(ext(mp).pool(0).debt, debt - charged);
    }
}
