// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPool} from "../../src/MetaPool.sol";
import {MetaPoolExtension} from "../../src/MetaPoolExtension.sol";
import {MetaPoolParams} from "../../src/interfaces/MetaPoolTypes.sol";
import {MetaPoolTestBase} from "../utils/MetaPoolTestBase.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice A buyer that takes all remaining capacity, and at each maturity withdraws its cover at par in the same
/// second and buys everything again (the free capacity reservation of issue #11).
contract CapacityHog {
    MetaPool internal immutable mp;
    IERC20 internal immutable asset;
    uint256 internal immutable poolId;

    constructor(MetaPool metaPool, IERC20 asset_, uint256 poolId_) {
        mp = metaPool;
        asset = asset_;
        poolId = poolId_;
        asset_.approve(address(metaPool), type(uint256).max);
    }

    function recycle() external returns (uint256 purchaseId) {
        MetaPoolExtension ext = MetaPoolExtension(address(mp));
        mp.poke(16);
        address token = ext.pool(poolId).token;
        uint256 tokens = token == address(0) ? 0 : IERC20(token).balanceOf(address(this));
        if (tokens != 0) mp.withdrawProtection(poolId, tokens, address(this));
        uint256 capacity = ext.previewBuy(poolId, 0).capacity;
        purchaseId = mp.buyProtection(poolId, capacity, address(this));
    }
}

/// @notice The two economic attacks revision 4 of the SPEC closes, and the rounding loss after the last share
/// leaves. Each test fails on the revision-3 contracts.
contract RevisionFourAttacksTest is MetaPoolTestBase {
    /// Example 1's market on the SPEC curve: C = 1 000, three pools of 100, F = 700.
    function _market() internal returns (address mp) {
        mp = createWithCover(specParams(token, 3), 1000e18, sameCovers(3, 100e18));
    }

    function test_capacityHog_recyclingAFullCapacityReservationAtEachMaturity_cannotStopAnotherBuyer() public {
        address mp = _market();
        CapacityHog hog = new CapacityHog(core(mp), token, 2);
        fund(address(hog), 10_000e18);
        uint256 hogs = hog.recycle();
        uint256 taken = ext(mp).purchase(hogs).amount;
        assertApproxEqAbs(taken, 700e18, 1e18);

        // Revision 3 answered every buyer CapacityExceeded(0) here, for as long as the hog recycled.
        skip(1 hours);
        assertEq(ext(mp).previewBuy(1, 10e18).capacity, ext(mp).freeCapital());
        uint256 carols = buy(mp, carol, 1, 10e18);

        // The hog's purchase matures; in the same second it withdraws at par and buys everything again.
        vm.warp(ext(mp).purchase(hogs).maturesAt);
        hog.recycle();
        // Carol's purchase matures an hour after the hog's: the capital the hog let go is there for her.
        vm.warp(ext(mp).purchase(carols).maturesAt);
        core(mp).poke(16);
        assertEq(ext(mp).purchase(carols).accepted, 10e18);
        assertGt(coverToken(mp, 1).balanceOf(carol), 0);
        assertBooks(mp);
    }

    function test_shamClaimRightAfterAnIncident_cannotLetTheAttackersNewCoverShareTheRealPayout() public {
        MetaPoolParams memory p = specParams(token, 3);
        p.curve = zeroCurve();
        address mp = createPool(p);
        deposit(mp, alice, 1000e18);
        buy(mp, bob, 0, 99e18);
        buy(mp, dave, 0, 1e18); // the attacker's dust cover
        buy(mp, bob, 1, 100e18);
        buy(mp, bob, 2, 100e18);
        skip(1 days);
        core(mp).poke(16);
        uint256 incident = block.timestamp;

        // Right after the incident the attacker buys all capacity and files a bogus claim with its dust.
        skip(1 minutes);
        uint256 attackers = buy(mp, dave, 0, 700e18);
        skip(1 minutes);
        uint256 sham = fileClaimAt(mp, dave, 0, incident);
        // The honest holder cannot file while the sham holds the pool's claim slot.
        skip(2 days);
        rule(mp, sham, false);

        // The honest filer's own sync must not mature the attacker's post-incident purchase.
        skip(1 minutes);
        uint256 honest = fileClaimAt(mp, bob, 0, incident);
        assertEq(ext(mp).pool(0).active, 100e18);
        skip(1 hours);
        rule(mp, honest, true);

        // P = 100 + (1 001 − 300) = 801; holders redeem 901 pro rata: bob 99 %, the attacker's dust 1 %.
        // (Revision 3: the attacker's 700 matured in bob's filing; bob redeemed ≈ 198 and the attacker ≈ 1 403.)
        vm.prank(bob);
        assertEq(ext(mp).redeemPayout(0, 0, bob), 891.99e18);
        vm.prank(dave);
        assertEq(ext(mp).redeemPayout(0, 0, dave), 9.01e18);
        assertEq(core(mp).refundPurchase(attackers), 700e18);
        assertBooks(mp);
    }

    /// The state an independent model reached with no attacker: every share gone, 1.208 of capital left (requested
    /// shares give up their gains). A 1-wei deposit then took the remainder, and a 1-token deposit after it got
    /// shares worth 0.736 under revision 3's rounding. Now the next depositor loses at most 0.01 %.
    function test_afterTheLastShareLeaves_aOneWeiDepositThenAOneTokenDeposit_losesAtMostAHundredthOfAPercent() public {
        MetaPoolParams memory p = specParams(token, 1);
        p.curve = flatCurve(1.208e18);
        p.arbiterFeeBps = 0;
        p.creatorFeeBps = 0;
        address mp = createPool(p);
        deposit(mp, alice, 1000e18);
        uint256 requestId = requestWithdrawal(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        // P = 1 000 at 120.8 % a year for a thousandth of a year: exactly 1.208 of premium.
        skip(31_536);
        uint256 tokens = coverToken(mp, 0).balanceOf(bob);
        vm.prank(bob);
        core(mp).withdrawProtection(0, tokens, bob);
        vm.warp(ext(mp).withdrawalRequest(requestId).unlockAt);
        assertEq(completeWithdrawal(mp, alice, requestId, 1000e18), 1000e18);
        assertEq(ext(mp).totalSupply(), 0);
        assertEq(ext(mp).capital(), 1.208e18);

        deposit(mp, carol, 1);
        uint256 shares = deposit(mp, dave, 1e18);
        uint256 worth = ext(mp).convertToAssets(shares);
        assertGe(worth, 1e18 - 1e18 / 10_000, "the next depositor lost more than 0.01 %");
        assertLe(worth, 1e18);
        // The remainder went to the new holders (SPEC §4), here the 1-wei depositor.
        assertApproxEqAbs(ext(mp).convertToAssets(ext(mp).balanceOf(carol)), 1.208e18 + 1, 1);
        assertBooks(mp);
    }
}
