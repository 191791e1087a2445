// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../../src/interfaces/ICoverToken.sol";
import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {AttacksTestBase} from "../utils/AttacksTestBase.sol";

/// @notice One test per attack on the share and cover-token supplies (wipes, lapses, mints past the stored
/// supply), each named for the attack it defeats.
contract AttacksOnSuppliesTest is AttacksTestBase {
    // ----- supplies stay bounded -----

    /// Zero rates, payoutMultiple 2, one pool with cover (C - d) / 2: each valid claim takes all of C but a dust
    /// d < 1 000 wei, closing the share epoch. A holder who never returns, and a request spanning every wipe,
    /// convert lazily; the supply never exceeds C.
    function test_twentyCapitalWipesInARow_withDustRemainders_keepEverySupplyBounded() public {
        address mp = zeroRatePool(1, 2);
        deposit(mp, carol, 7e18);
        deposit(mp, dave, 5e18);
        uint256 daveRequest = requestWithdrawal(mp, dave, 5e18);
        fund(bob, 1e18);

        for (uint256 k; k < 20; ++k) {
            deposit(mp, alice, 1000e18 + k * 37);
            uint256 c = ext(mp).capital();
            uint256 d = 1 + (k * 7919) % 997;
            if ((c - d) % 2 == 1) ++d;
            uint256 cover = (c - d) / 2;
            buyActive(mp, bob, 0, cover);
            vm.prank(bob);
            token.approve(mp, type(uint256).max);
            uint32 coverEpoch = ext(mp).pool(0).epoch;
            vm.prank(bob);
            uint256 claimId = core(mp).fileClaim(0, block.timestamp, "");
            uint256 supply = ext(mp).totalSupply();
            uint256 aliceShares = ext(mp).balanceOf(alice);

            vm.expectEmit(true, true, true, true, mp);
            emit IMetaPoolEvents.ShareEpochClosed(uint32(k), uint32(k + 1), d, supply);
            vm.prank(arbiter);
            core(mp).resolveClaim(claimId, true);

            assertEq(ext(mp).capital(), d);
            assertEq(ext(mp).totalSupply(), d);
            assertEq(ext(mp).metaPoolView().shareEpoch, k + 1);
            assertEq(ext(mp).balanceOf(alice), aliceShares * d / supply);
            assertLe(ext(mp).balanceOf(alice) + ext(mp).balanceOf(carol) + ext(mp).balanceOf(mp), ext(mp).totalSupply());
            vm.prank(bob);
            assertEq(ext(mp).redeemPayout(0, coverEpoch, bob), 3 * cover);
            vm.prank(bob);
            ext(mp).claimFees(bob);
        }
        assertEq(ext(mp).balanceOf(carol), 0);
        assertEq(ext(mp).withdrawalRequest(daveRequest).shares, 0);
        vm.prank(dave);
        assertEq(core(mp).cancelWithdrawal(daveRequest), 0);

        // Deposits still work at 1:1 and own everything but the dust.
        uint256 dust = ext(mp).capital();
        assertEq(deposit(mp, eve, 100e18), 100e18);
        assertLe(ext(mp).totalSupply(), ext(mp).capital());
        assertGe(ext(mp).convertToAssets(ext(mp).balanceOf(eve)), 100e18 - 1);
        assertLe(ext(mp).convertToAssets(ext(mp).balanceOf(eve)), 100e18 + dust);
    }

    /// Premium takes a pool of 1e36 to about 2e-9 of its 1:1 value (not a lapse). Cover then mints at 5e8 tokens a
    /// unit, so a purchase of 1e31 would mint more tokens than the pool's uint128 supply can hold: it is refused
    /// and refunded, and the supply the MetaPool books stays the token's real supply.
    function test_coverMintBeyondTheStoredSupply_isRefused_andRefunded() public {
        address mp = createPool(lapseParams(1));
        deposit(mp, alice, 1e37);
        buyActive(mp, bob, 0, 1e36);
        uint256 speed = ext(mp).pool(0).premiumSpeed;
        skip(secondsToLeave(speed, 1e36, 2e27));
        core(mp).poke(16);
        uint256 active = ext(mp).pool(0).active;
        assertGt(active * 1e9, 1e36);
        assertGt(1e31 * uint256(1e36) / active, type(uint128).max);

        uint256 purchaseId = buyActive(mp, carol, 0, 1e31);
        ICoverToken cover = coverToken(mp, 0);
        assertEq(ext(mp).purchase(purchaseId).accepted, 0);
        assertEq(cover.balanceOf(carol), 0);
        assertEq(cover.totalSupply(), 1e36);
        assertEq(ext(mp).pool(0).coverSupply, 1e36);
        // Only premium moved K.
        assertLt(ext(mp).pool(0).active, active);
        active = ext(mp).pool(0).active;
        vm.prank(carol);
        assertEq(core(mp).refundPurchase(purchaseId), 1e31);
        vm.prank(bob);
        assertEq(core(mp).withdrawProtection(0, 1e36, bob), active);
    }

    /// A flat 1 % a year on P = K (payoutMultiple 1). Each round one sync, timed so premium leaves K just under
    /// 1e-9 of the supply, lapses the epoch with dust; its holder redeems the dust and buys into a new epoch.
    function test_twentyLapsesInARow_withDustRemainders_keepEverySupplyBounded() public {
        address mp = createPool(lapseParams(1));
        deposit(mp, alice, 1000e18);
        address previous;
        for (uint256 k; k < 20; ++k) {
            uint256 amount = 100e18 + k * 1e15 + k;
            buyActive(mp, bob, 0, amount);
            ICoverToken cover = coverToken(mp, 0);
            assertTrue(address(cover) != previous);
            previous = address(cover);
            assertEq(cover.epoch(), k);
            assertEq(cover.totalSupply(), amount);
            uint256 speed = ext(mp).pool(0).premiumSpeed;
            assertEq(speed, 0.01e18 * amount);

            uint256 dt = secondsToLeave(speed, amount, amount / 2e9);
            uint256 dust = amount - premiumFor(speed, dt);
            assertGt(dust, 0);
            assertLt(dust * 1e9, amount);
            skip(dt);
            core(mp).poke(16);
            assertEq(ext(mp).pool(0).epoch, k + 1);
            assertEq(ext(mp).closedEpoch(0, k).remaining, dust);
            assertEq(ext(mp).closedEpoch(0, k).supply, amount);

            uint256 before = token.balanceOf(bob);
            vm.prank(bob);
            assertEq(ext(mp).redeemPayout(0, k, bob), dust);
            assertEq(token.balanceOf(bob), before + dust);
            assertEq(cover.totalSupply(), 0);
        }
        assertEq(ext(mp).totalSupply(), 1000e18);
        assertEq(ext(mp).metaPoolView().totalActive, 0);
        (,, uint256 redeemable,) = ext(mp).liabilities();
        assertEq(redeemable, 0);
    }
}
