// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {ClaimStatus} from "../../src/interfaces/MetaPoolTypes.sol";
import {AttacksTestBase} from "../utils/AttacksTestBase.sol";

/// @notice One test per attack on a MetaPool's powers (who may rule, shut down, claim, leave or block, and when),
/// each named for the attack it defeats.
contract AttacksOnPowersTest is AttacksTestBase {
    // ----- powers -----

    function test_noOneButTheArbiter_resolvesClaims_orShutsDownBeforeTheThirtyDayTimeout() public {
        address mp = createPool(specParams(token, 2));
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);

        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NotArbiter.selector, arbiter));
        vm.prank(creator);
        core(mp).shutdown();
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NotArbiter.selector, arbiter));
        vm.prank(bob);
        core(mp).shutdown();

        uint256 claimId = fileClaim(mp, bob, 0);
        uint256 allowedAt = block.timestamp + 30 days;
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NotArbiter.selector, arbiter));
        vm.prank(bob);
        core(mp).resolveClaim(claimId, true);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NotArbiter.selector, arbiter));
        vm.prank(creator);
        core(mp).resolveClaim(claimId, true);

        skip(30 days - 1);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.ShutdownNotAllowed.selector, claimId, allowedAt));
        vm.prank(bob);
        core(mp).shutdown();
        // While a claim is pending the arbiter rules rather than shuts down.
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.ShutdownNotAllowed.selector, claimId, allowedAt));
        vm.prank(arbiter);
        core(mp).shutdown();

        skip(1);
        vm.prank(dave);
        core(mp).shutdown();
        assertTrue(ext(mp).isShutDown());
        assertEq(uint8(ext(mp).claim(claimId).status), uint8(ClaimStatus.Voided));
        assertEq(ext(mp).feesOwed(bob), 1e18);
        vm.expectRevert(IMetaPoolErrors.MetaPoolIsShutDown.selector);
        vm.prank(arbiter);
        core(mp).shutdown();
    }

    /// An exploit becomes public at T. carol buys cover at T + 2 h hoping to be paid; bob files at T + 3 h. Her
    /// purchase is frozen when it comes due and the valid ruling refunds it: she gets her deposit back, no payout.
    function test_seeker_cannotGetCoverForAHackAlreadyKnown() public {
        address mp = zeroRatePool(2, 0);
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        uint256 incident = block.timestamp + 1 hours;
        vm.warp(incident + 2 hours);
        uint256 purchaseId = buy(mp, carol, 0, 200e18);
        vm.warp(incident + 3 hours);
        uint256 claimId = fileClaimAt(mp, bob, 0, incident);
        // No purchase at all while the claim is pending.
        fund(dave, 1e18);
        vm.prank(dave);
        token.approve(mp, 1e18);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.ClaimPending.selector, claimId));
        vm.prank(dave);
        core(mp).buyProtection(0, 1e18, dave);

        vm.warp(incident + 26 hours);
        core(mp).poke(16);
        assertEq(ext(mp).pool(0).active, 100e18);
        assertEq(coverToken(mp, 0).balanceOf(carol), 0);

        vm.warp(incident + 30 hours);
        rule(mp, claimId, true);
        // P = K + F = 100 + (1 000 - 100): carol's pending 200 was never cover.
        assertEq(ext(mp).closedEpoch(0, 0).remaining, 100e18 + 1000e18);
        vm.prank(carol);
        assertEq(core(mp).refundPurchase(purchaseId), 200e18);
        assertEq(token.balanceOf(carol), 200e18);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NothingToRedeem.selector, 0, 0));
        vm.prank(carol);
        ext(mp).redeemPayout(0, 0, carol);
    }

    /// payoutMultiple 5, C = 1 000 held 500/500, K = 100: a valid claim pays 500 and halves the share price.
    /// alice's unlocked request and carol's request filed during the claim both bear the loss.
    function test_underwriter_cannotLeaveOrShieldCapital_whileAClaimIsPending() public {
        address mp = zeroRatePool(1, 5);
        deposit(mp, alice, 500e18);
        deposit(mp, carol, 500e18);
        buyActive(mp, bob, 0, 100e18);
        uint256 aliceRequest = requestWithdrawal(mp, alice, 500e18);
        skip(7 days);
        uint256 claimId = fileClaim(mp, bob, 0);
        bytes memory pending = abi.encodeWithSelector(IMetaPoolErrors.ClaimPending.selector, claimId);

        vm.expectRevert(pending);
        vm.prank(alice);
        core(mp).completeWithdrawal(aliceRequest, 500e18, alice);
        vm.expectRevert(IMetaPoolErrors.MetaPoolNotShutDown.selector);
        vm.prank(carol);
        ext(mp).exit(500e18, carol);
        expectDepositRevert(mp, dave, 1e18, pending);
        uint256 carolRequest = requestWithdrawal(mp, carol, 500e18);
        assertEq(ext(mp).withdrawalRequest(carolRequest).assetsAtRequest, 500e18);

        rule(mp, claimId, true);
        assertEq(ext(mp).capital(), 500e18);
        assertEq(completeWithdrawal(mp, alice, aliceRequest, 500e18), 250e18);
        skip(7 days);
        assertEq(completeWithdrawal(mp, carol, carolRequest, 500e18), 250e18);
        assertEq(token.balanceOf(alice) + token.balanceOf(carol), 500e18);
    }

    /// alice requests two halves of her 500 shares; premiums then accrue. Completing one pays exactly its
    /// assetsAtRequest; cancelling the other returns shares worth at most its assetsAtRequest. carol, who
    /// never requested, ends ahead of her.
    function test_withdrawalRequest_isNotAFreeOptionOnPremiums() public {
        address mp = createPool(specParams(token, 1));
        deposit(mp, alice, 500e18);
        deposit(mp, carol, 500e18);
        buyActive(mp, bob, 0, 500e18);
        uint256 first = requestWithdrawal(mp, alice, 250e18);
        uint256 second = requestWithdrawal(mp, alice, 250e18);
        skip(7 days);
        uint256 c = ext(mp).capital();
        uint256 s = ext(mp).totalSupply();
        assertGt(c, 1000e18);
        assertGt(ext(mp).convertToAssets(250e18), 250e18);

        assertEq(completeWithdrawal(mp, alice, first, 250e18), 250e18);
        c -= 250e18;
        s -= 250e18;
        uint256 carolBefore = ext(mp).convertToAssets(ext(mp).balanceOf(carol));
        vm.prank(alice);
        uint256 returned = core(mp).cancelWithdrawal(second);
        assertLt(returned, 250e18);
        assertLe(returned * (c + 1) / (s + 1), 250e18);
        assertGt(ext(mp).convertToAssets(ext(mp).balanceOf(carol)), carolBefore);
        uint256 aliceTotal = 250e18 + ext(mp).convertToAssets(ext(mp).balanceOf(alice));
        assertLt(aliceTotal, ext(mp).convertToAssets(ext(mp).balanceOf(carol)));
    }

    /// bob reserves every unit of capacity with a pending purchase just before alice's request unlocks: she
    /// still withdraws everything, and his purchase is refunded at maturity.
    function test_pendingPurchases_cannotHoldUnderwritersCapital() public {
        address mp = zeroRatePool(1, 0);
        deposit(mp, alice, 1000e18);
        uint256 requestId = requestWithdrawal(mp, alice, 1000e18);
        skip(7 days - 1 hours);
        uint256 purchaseId = buy(mp, bob, 0, 1000e18);
        // Pending purchases reserve nothing (revision 4): the whole capital is still capacity, and free to leave.
        assertEq(ext(mp).previewBuy(0, 1).capacity, 1000e18);
        assertEq(ext(mp).previewBuy(0, 1).pendingAhead, 1000e18);
        skip(1 hours);
        assertEq(ext(mp).previewWithdrawal(requestId).withdrawableNow, 1000e18);
        assertEq(completeWithdrawal(mp, alice, requestId, 1000e18), 1000e18);
        assertEq(ext(mp).capital(), 0);
        skip(1 days);
        core(mp).poke(16);
        assertEq(ext(mp).purchase(purchaseId).accepted, 0);
        vm.prank(bob);
        assertEq(core(mp).refundPurchase(purchaseId), 1000e18);
        assertEq(token.balanceOf(mp), 0);
    }

    /// eve floods the queue with 40 minimum purchases. Smaller ones are refused; once due, the flood makes
    /// calls revert SyncRequired only until two pokes of 16 (each under 2M gas) work through it.
    function test_dustPurchases_cannotBlockTheQueue() public {
        address mp = createPool(specParams(token, 2));
        deposit(mp, alice, 1000e18);
        fund(eve, 1e18);
        vm.prank(eve);
        token.approve(mp, type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.BelowMinPurchase.selector, 1e16 - 1, 1e16));
        vm.prank(eve);
        core(mp).buyProtection(0, 1e16 - 1, eve);
        for (uint256 i; i < 40; ++i) {
            vm.prank(eve);
            core(mp).buyProtection(i % 2, 1e16, eve);
            skip(1);
        }
        skip(1 days);
        expectDepositRevert(mp, carol, 1e18, abi.encodeWithSelector(IMetaPoolErrors.SyncRequired.selector, 24));

        uint256 gasBefore = gasleft();
        vm.prank(carol);
        assertEq(core(mp).poke(16), 24);
        assertLt(gasBefore - gasleft(), 2_000_000);
        gasBefore = gasleft();
        vm.prank(carol);
        assertEq(core(mp).poke(16), 8);
        assertLt(gasBefore - gasleft(), 2_000_000);
        // Eight left: the deposit's own sync matures them.
        uint256 preview = ext(mp).previewDeposit(1e18);
        assertEq(deposit(mp, carol, 1e18), preview);
        assertEq(ext(mp).purchase(40).accepted, 1e16);
        assertEq(core(mp).poke(16), 0);
    }

    function test_claim_cannotNameAnIncidentBeforeItsEpochOpened() public {
        address mp = createPool(specParams(token, 1));
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        uint256 openedAt = block.timestamp;
        assertEq(ext(mp).pool(0).epochOpenedAt, openedAt);
        skip(1 days);
        fund(bob, 10e18);
        vm.prank(bob);
        token.approve(mp, type(uint256).max);

        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.IncidentBeforeEpoch.selector, openedAt - 1, openedAt));
        vm.prank(bob);
        core(mp).fileClaim(0, openedAt - 1, "");
        vm.expectRevert(
            abi.encodeWithSelector(IMetaPoolErrors.IncidentInFuture.selector, block.timestamp + 1, block.timestamp)
        );
        vm.prank(bob);
        core(mp).fileClaim(0, block.timestamp + 1, "");

        // bob leaves and buys again: the new epoch opens later, and the old incident window is gone.
        vm.prank(bob);
        core(mp).withdrawProtection(0, 100e18, bob);
        buyActive(mp, bob, 0, 100e18);
        vm.prank(bob);
        token.approve(mp, type(uint256).max);
        uint256 reopenedAt = block.timestamp;
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.IncidentBeforeEpoch.selector, openedAt, reopenedAt));
        vm.prank(bob);
        core(mp).fileClaim(0, openedAt, "");
        vm.prank(bob);
        assertEq(core(mp).fileClaim(0, reopenedAt, ""), 1);
    }
}
