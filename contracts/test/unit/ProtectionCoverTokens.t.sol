// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../../src/interfaces/ICoverToken.sol";
import {CoverToken} from "../../src/tokens/CoverToken.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {ProtectionTestBase} from "../utils/ProtectionTestBase.sol";

/// @notice Cover tokens: names and symbols, who may mint and burn, transfers, and the projected underlying.
contract ProtectionCoverTokensTest is ProtectionTestBase {
    // ----- cover tokens -----

    function test_coverToken_isNamedForThePool_symbolledByPoolAndEpoch_withTheAssetsDecimals() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        ICoverToken cover = coverToken(mp, 0);
        assertEq(cover.name(), "Canopy Pool 0 cover");
        assertEq(cover.symbol(), "cnpy-0-e0");
        assertEq(cover.decimals(), 18);
        assertEq(cover.metaPool(), mp);
        assertEq(cover.poolId(), 0);
        assertEq(cover.epoch(), 0);

        MockERC20 usd = new MockERC20("Six", "SIX", 6);
        address pool = createPool(specParams(usd, 3));
        usd.mint(alice, 1000e6);
        vm.startPrank(alice);
        usd.approve(pool, 1000e6);
        core(pool).deposit(1000e6, alice);
        vm.stopPrank();
        usd.mint(bob, 10e6);
        vm.startPrank(bob);
        usd.approve(pool, 10e6);
        core(pool).buyProtection(2, 10e6, bob);
        vm.stopPrank();
        skip(1 days);
        core(pool).poke(16);
        ICoverToken sixCover = coverToken(pool, 2);
        assertEq(sixCover.name(), "Canopy Pool 2 cover");
        assertEq(sixCover.symbol(), "cnpy-2-e0");
        assertEq(sixCover.decimals(), 6);
        assertEq(sixCover.balanceOf(bob), 10e6);
    }

    function test_coverToken_revertsOnlyMetaPool_forMintAndBurnByAnyoneElse() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        ICoverToken cover = coverToken(mp, 0);
        vm.expectRevert(abi.encodeWithSelector(CoverToken.OnlyMetaPool.selector, mp));
        vm.prank(bob);
        cover.mint(bob, 1);
        vm.expectRevert(abi.encodeWithSelector(CoverToken.OnlyMetaPool.selector, mp));
        vm.prank(arbiter);
        cover.burn(bob, 1);
    }

    function test_coverToken_transfersLikeAnErc20_andTheNewHolderCanWithdraw() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        ICoverToken cover = coverToken(mp, 0);
        vm.prank(bob);
        assertTrue(cover.transfer(carol, 30e18));
        uint256 active = ext(mp).pool(0).active;
        vm.prank(carol);
        assertEq(core(mp).withdrawProtection(0, 30e18, carol), 30e18 * active / 100e18);
    }

    function test_balanceOfUnderlying_isProjectedToNow_withoutASync() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        ICoverToken cover = coverToken(mp, 0);
        vm.prank(bob);
        cover.transfer(carol, 30e18);
        assertEq(cover.balanceOfUnderlying(bob), 70e18);
        skip(10 days);
        uint256 active = ext(mp).pool(0).active;
        assertLt(active, 100e18);
        uint256 bobUnderlying = 70e18 * active / 100e18;
        assertEq(cover.balanceOfUnderlying(bob), bobUnderlying);
        assertEq(cover.balanceOfUnderlying(carol), 30e18 * active / 100e18);
        core(mp).poke(16);
        assertEq(cover.balanceOfUnderlying(bob), bobUnderlying);
        assertEq(ext(mp).coverUnderlying(0, 0, 70e18), bobUnderlying);
    }
}
