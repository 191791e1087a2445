// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../../src/interfaces/ICoverToken.sol";
import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {ClosedEpoch, PoolView} from "../../src/interfaces/MetaPoolTypes.sol";
import {ProtectionTestBase} from "../utils/ProtectionTestBase.sol";

/// @notice SPEC §6: lapse, closed epochs, and redeeming what a closed epoch holds.
contract ProtectionLapseTest is ProtectionTestBase {
    // ----- lapse and closed epochs -----

    /// A flat 1 % a year on P = K (payoutMultiple 1): one sync, timed so premium leaves K just under 1e-9 of the
    /// supply, lapses the epoch; its holder redeems the dust and the next purchase opens epoch 1.
    function test_lapse_closesTheEpoch_redeemPayoutPaysTheDust_andTheNextPurchaseOpensANewEpoch() public {
        address pool = createPool(lapseParams(3));
        deposit(pool, alice, 1000e18);
        buyActive(pool, bob, 0, 100e18);
        ICoverToken first = coverToken(pool, 0);
        uint256 speed = ext(pool).pool(0).premiumSpeed;
        assertEq(speed, 0.01e18 * 100e18);

        uint256 dt = secondsToLeave(speed, 100e18, 100e18 / 2e9);
        uint256 dust = 100e18 - premiumFor(speed, dt);
        assertGt(dust, 0);
        assertLt(dust * 1e9, 100e18);
        skip(dt - 100);
        assertEq(ext(pool).pool(0).epoch, 0);
        skip(100);
        // Views already show the lapse.
        assertEq(ext(pool).pool(0).epoch, 1);
        assertEq(ext(pool).pool(0).active, 0);
        assertEq(first.balanceOfUnderlying(bob), dust);

        vm.expectEmit(true, true, true, true, pool);
        emit IMetaPoolEvents.CoverEpochClosed(0, 0, dust, 100e18, true);
        core(pool).poke(16);
        ClosedEpoch memory closed = ext(pool).closedEpoch(0, 0);
        assertEq(closed.remaining, dust);
        assertEq(closed.supply, 100e18);
        assertEq(ext(pool).pool(0).token, address(0));
        assertEq(ext(pool).metaPoolView().totalActive, 0);
        // A lapsed epoch has no claim rights.
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NoActiveCover.selector, 0));
        vm.prank(bob);
        core(pool).fileClaim(0, block.timestamp, "");

        vm.expectEmit(true, true, true, true, pool);
        emit IMetaPoolEvents.PayoutRedeemed(0, 0, bob, carol, 100e18, dust);
        vm.prank(bob);
        assertEq(ext(pool).redeemPayout(0, 0, carol), dust);
        assertEq(token.balanceOf(carol), dust);
        assertEq(first.balanceOf(bob), 0);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NothingToRedeem.selector, 0, 0));
        vm.prank(bob);
        ext(pool).redeemPayout(0, 0, bob);

        buyActive(pool, bob, 0, 100e18);
        ICoverToken second = coverToken(pool, 0);
        assertTrue(address(second) != address(first));
        assertEq(second.symbol(), "cnpy-0-e1");
        assertEq(second.balanceOf(bob), 100e18);
        assertEq(ext(pool).pool(0).epochOpenedAt, block.timestamp);
    }

    /// The same lapse at a supply of 2e27 (2e9 tokens), where the sync's lapse pre-check is rounded up (above 2^50,
    /// see LapseHint): a sync that leaves K at or above 1e-9 of the supply keeps the epoch open, one that leaves it
    /// below closes it, and each sync leaves exactly what the views projected before it.
    function test_lapse_atALargeSupply_closesExactlyWhenKFallsBelowTheThreshold() public {
        address pool = createPool(lapseParams(3));
        deposit(pool, alice, 20e27);
        buyActive(pool, bob, 0, 2e27);
        uint256 speed = ext(pool).pool(0).premiumSpeed;
        uint256 threshold = 2e27 / 1e9;
        // Leave K a little above the threshold, then take it below.
        uint256 dt = secondsToLeave(speed, 2e27, threshold + threshold / 10);
        skip(dt);
        PoolView memory projected = ext(pool).pool(0);
        assertGe(projected.active * 1e9, 2e27, "still open");
        core(pool).poke(16);
        assertEq(ext(pool).pool(0).epoch, 0);
        assertEq(ext(pool).pool(0).active, projected.active);

        // The sync fixed a new speed from the K it left (P = K at payoutMultiple 1).
        speed = ext(pool).pool(0).premiumSpeed;
        skip(secondsToLeave(speed, projected.active, threshold / 2));
        projected = ext(pool).pool(0);
        assertEq(projected.epoch, 1, "views show the lapse");
        vm.expectEmit(true, true, true, false, pool);
        emit IMetaPoolEvents.CoverEpochClosed(0, 0, 0, 2e27, true);
        core(pool).poke(16);
        ClosedEpoch memory closed = ext(pool).closedEpoch(0, 0);
        assertEq(closed.supply, 2e27);
        assertLt(closed.remaining * 1e9, 2e27);
        assertEq(ext(pool).pool(0).epoch, 1);
        assertEq(ext(pool).metaPoolView().totalActive, 0);
    }

    function test_redeemPayout_revertsEpochNotClosed_forTheCurrentAndLaterEpochs() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.EpochNotClosed.selector, 0, 0));
        vm.prank(bob);
        ext(mp).redeemPayout(0, 0, bob);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.EpochNotClosed.selector, 0, 9));
        vm.prank(bob);
        ext(mp).redeemPayout(0, 9, bob);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.InvalidPoolId.selector, 3, 3));
        vm.prank(bob);
        ext(mp).redeemPayout(3, 0, bob);
        vm.expectRevert(IMetaPoolErrors.ZeroAddress.selector);
        vm.prank(bob);
        ext(mp).redeemPayout(0, 0, address(0));
    }

    /// Zero rates, C = 1 000, K = 100 held 60/40: a valid claim pays P = 1 000; the tokens redeem 1 100 pro rata.
    function test_redeemPayout_paysEachHolderTheirShare_afterAValidClaim_andNothingToOthers() public {
        address pool = zeroRatePool(3);
        deposit(pool, alice, 1000e18);
        buy(pool, bob, 0, 60e18);
        buyActive(pool, carol, 0, 40e18);
        uint256 claimId = fileClaim(pool, bob, 0);
        rule(pool, claimId, true);
        assertEq(ext(pool).closedEpoch(0, 0).remaining, 1100e18);
        assertEq(ext(pool).pool(0).token, address(0));
        assertEq(ICoverToken(ext(pool).coverToken(0, 0)).balanceOfUnderlying(bob), 660e18);

        vm.prank(bob);
        assertEq(ext(pool).redeemPayout(0, 0, bob), 660e18);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NothingToRedeem.selector, 0, 0));
        vm.prank(dave);
        ext(pool).redeemPayout(0, 0, dave);
        vm.prank(carol);
        assertEq(ext(pool).redeemPayout(0, 0, carol), 440e18);
        assertEq(ext(pool).closedEpoch(0, 0).remaining, 0);
        (,, uint256 redeemable,) = ext(pool).liabilities();
        assertEq(redeemable, 0);
    }

    function test_redeemPayout_revertsNothingToRedeem_forAnEpochClosedEmpty() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        vm.prank(bob);
        core(mp).withdrawProtection(0, 100e18, bob);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NothingToRedeem.selector, 0, 0));
        vm.prank(bob);
        ext(mp).redeemPayout(0, 0, bob);
    }
}
