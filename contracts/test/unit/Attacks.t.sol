// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../../src/interfaces/ICoverToken.sol";
import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {ClaimStatus, MetaPoolParams} from "../../src/interfaces/MetaPoolTypes.sol";
import {FeeOnTransferToken} from "../mocks/FeeOnTransferToken.sol";
import {NoReturnToken} from "../mocks/NoReturnToken.sol";
import {ReentrantToken} from "../mocks/ReentrantToken.sol";
import {MetaPoolTestBase} from "../utils/MetaPoolTestBase.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// @notice One test per attack on a MetaPool, each named for the attack it defeats.
contract AttacksTest is MetaPoolTestBase {
    address internal eve = makeAddr("eve");

    // ----- helpers -----

    function zeroRatePool(uint256 poolCount, uint16 payoutMultiple) internal returns (address pool) {
        pool = createPool(zeroRateParams(poolCount, payoutMultiple));
    }

    function poolOf(IERC20Metadata asset) internal returns (address pool) {
        pool = createPool(specParams(asset, 2));
    }

    /// @dev Price of one whole share in assets at the current (projected) state.
    function sharePrice(address pool) internal view returns (uint256) {
        return ext(pool).convertToAssets(1e18);
    }

    // ----- share price games -----

    /// eve deposits 1 wei, then sends 1 000 tokens straight to the MetaPool to inflate the share price before
    /// alice deposits. Capital is booked, not read from the balance, so the donation moves nothing.
    function test_firstDepositorDonation_costsTheVictimNothing_andGainsTheAttackerNothing() public {
        address mp = createPool(specParams(token, 1));
        deposit(mp, eve, 1);
        fund(eve, 1000e18);
        vm.prank(eve);
        token.transfer(mp, 1000e18);
        assertEq(ext(mp).totalAssets(), 1);
        assertEq(ext(mp).convertToShares(100e18), 100e18);

        uint256 shares = deposit(mp, alice, 100e18);
        assertEq(shares, 100e18);
        assertEq(ext(mp).convertToAssets(shares), 100e18);
        assertEq(ext(mp).convertToAssets(1), 1);
        assertEq(token.balanceOf(mp), 1100e18 + 1);
        // Even a 1-wei victim still gets a share.
        assertEq(deposit(mp, carol, 1), 1);

        uint256 requestId = requestWithdrawal(mp, eve, 1);
        skip(7 days);
        assertEq(completeWithdrawal(mp, eve, requestId, 1), 1);
        assertEq(token.balanceOf(eve), 1);
        requestId = requestWithdrawal(mp, alice, shares);
        skip(7 days);
        assertEq(completeWithdrawal(mp, alice, requestId, shares), 100e18);
    }

    /// A forfeited claim bond does reach C. eve, alone with one share left, files a bogus claim with a bond of
    /// 1 000 that the arbiter rejects, then waits for alice's deposit of 1 000. The virtual share takes a third
    /// of everything, so eve loses far more than she takes (alice, whose deposit rounds to one share, is griefed).
    function test_bondDonation_byALoneUnderwriter_isUnprofitable() public {
        MetaPoolParams memory p = zeroRateParams(1, 0);
        p.claimBond = 1000e18;
        address mp = createPool(p);
        deposit(mp, eve, 1e16 + 1);
        buyActive(mp, eve, 0, 1e16);
        uint256 requestId = requestWithdrawal(mp, eve, 1e16);
        rule(mp, fileClaim(mp, eve, 0), false);
        vm.prank(eve);
        core(mp).withdrawProtection(0, 1e16, eve);
        skip(7 days);
        completeWithdrawal(mp, eve, requestId, 1e16);
        assertEq(ext(mp).totalSupply(), 1);
        assertEq(ext(mp).capital(), 1000e18 + 1);
        uint256 eveSpent = 1e16 + 1 + 1e16 + 1000e18 - token.balanceOf(eve);

        assertEq(deposit(mp, alice, 1000e18), 1);
        uint256 eveValue = ext(mp).convertToAssets(1);
        uint256 aliceValue = ext(mp).convertToAssets(1);
        assertEq(eveValue, uint256(2000e18 + 2) / 3);
        assertLt(eveValue, eveSpent);
        // eve's loss exceeds alice's.
        assertGt(eveSpent - eveValue, 1000e18 - aliceValue);
    }

    /// With a share worth a little more than 1 wei, deposits of a few wei round down and withdrawals round down:
    /// eve ends with less than she started, and no other holder's share price ever falls.
    function test_oneWeiDepositRequestWithdrawLoop_gainsNothing_whenAShareIsWorthMoreThanOneWei() public {
        address mp = createPool(specParams(token, 1));
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        skip(30 days);
        core(mp).poke(16);
        assertGt(sharePrice(mp), 1e18);
        expectDepositRevert(mp, eve, 1, abi.encodeWithSelector(IMetaPoolErrors.ZeroShares.selector, 1));
        fund(eve, 1000);
        vm.prank(eve);
        token.approve(mp, type(uint256).max);
        uint256 start = token.balanceOf(eve);
        uint256 price = sharePrice(mp);
        uint256[] memory requests = new uint256[](20);
        for (uint256 i; i < 20; ++i) {
            uint256 amount = 2 + i % 3;
            vm.prank(eve);
            uint256 shares = core(mp).deposit(amount, eve);
            assertLt(ext(mp).convertToAssets(shares), amount);
            requests[i] = requestWithdrawal(mp, eve, shares);
            assertGe(sharePrice(mp), price);
            price = sharePrice(mp);
        }
        skip(7 days);
        price = sharePrice(mp);
        for (uint256 i; i < 20; ++i) {
            completeWithdrawal(mp, eve, requests[i], ext(mp).withdrawalRequest(requests[i]).shares);
            assertGe(sharePrice(mp), price);
            price = sharePrice(mp);
        }
        assertLt(token.balanceOf(eve), start);
        assertEq(ext(mp).balanceOf(eve), 0);
    }

    /// After a claim halves the price, a 1-wei deposit mints a share worth less than 1 wei: the round trip pays 0.
    function test_oneWeiDepositRequestWithdrawLoop_gainsNothing_whenAShareIsWorthLessThanOneWei() public {
        address mp = zeroRatePool(2, 2);
        deposit(mp, alice, 1000e18);
        buy(mp, bob, 0, 100e18);
        buyActive(mp, bob, 1, 100e18);
        rule(mp, fileClaim(mp, bob, 0), true);
        assertEq(ext(mp).capital(), 800e18);
        fund(eve, 1000);
        vm.prank(eve);
        token.approve(mp, type(uint256).max);

        uint256 price = sharePrice(mp);
        uint256[] memory requests = new uint256[](20);
        for (uint256 i; i < 20; ++i) {
            vm.prank(eve);
            uint256 shares = core(mp).deposit(1, eve);
            assertEq(shares, 1);
            requests[i] = requestWithdrawal(mp, eve, 1);
            assertEq(ext(mp).withdrawalRequest(requests[i]).assetsAtRequest, 0);
        }
        skip(7 days);
        for (uint256 i; i < 20; ++i) {
            assertEq(completeWithdrawal(mp, eve, requests[i], 1), 0);
        }
        assertEq(token.balanceOf(eve), 1000 - 20);
        assertGe(sharePrice(mp), price);
    }

    /// eve buys the minimum cover in a pool whose tokens are worth less than 1:1, then withdraws 1 wei of tokens
    /// at a time: each pays 0, and bob's tokens never lose value.
    function test_tinyProtectionBuysAndWithdrawals_gainNothing() public {
        address mp = createPool(specParams(token, 1));
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
        skip(30 days);
        uint256 bobValue = ext(mp).coverUnderlying(0, 0, 1e18);
        assertLt(bobValue, 1e18);
        fund(eve, 5e16);
        vm.prank(eve);
        token.approve(mp, type(uint256).max);
        for (uint256 i; i < 5; ++i) {
            vm.prank(eve);
            core(mp).buyProtection(0, 1e16, eve);
        }
        skip(1 days);
        core(mp).poke(16);
        ICoverToken cover = coverToken(mp, 0);
        uint256 tokens = cover.balanceOf(eve);
        assertGt(tokens, 5e16);
        assertLe(cover.balanceOfUnderlying(eve), 5e16);
        bobValue = ext(mp).coverUnderlying(0, 0, 1e18);

        for (uint256 i; i < 30; ++i) {
            vm.prank(eve);
            assertEq(core(mp).withdrawProtection(0, 1, eve), 0);
            assertGe(ext(mp).coverUnderlying(0, 0, 1e18), bobValue);
            bobValue = ext(mp).coverUnderlying(0, 0, 1e18);
        }
        vm.prank(eve);
        core(mp).withdrawProtection(0, tokens - 30, eve);
        assertGe(ext(mp).coverUnderlying(0, 0, 1e18), bobValue);
        assertLt(token.balanceOf(eve), 5e16);
    }

    // ----- weird assets -----

    function test_feeOnTransferAsset_isRejected_withTransferAmountMismatch() public {
        FeeOnTransferToken fee = new FeeOnTransferToken(100);
        address mp = poolOf(IERC20Metadata(address(fee)));
        fee.mint(alice, 100e18);
        vm.startPrank(alice);
        fee.approve(mp, 100e18);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.TransferAmountMismatch.selector, 100e18, 99e18));
        core(mp).deposit(100e18, alice);
        vm.stopPrank();
        assertEq(ext(mp).capital(), 0);
        assertEq(fee.balanceOf(alice), 100e18);
    }

    /// The asset calls back into the MetaPool in the middle of each transfer; every entry point, on either facet,
    /// refuses the nested call.
    function test_reentrantHookAsset_cannotReenterAnyAction() public {
        ReentrantToken rt = new ReentrantToken();
        address mp = poolOf(IERC20Metadata(address(rt)));
        rt.mint(alice, 2000e18);
        rt.mint(bob, 200e18);
        vm.prank(alice);
        rt.approve(mp, type(uint256).max);
        vm.prank(bob);
        rt.approve(mp, type(uint256).max);
        vm.prank(alice);
        core(mp).deposit(1000e18, alice);
        vm.prank(bob);
        core(mp).buyProtection(0, 100e18, bob);
        skip(1 days);
        core(mp).poke(16);
        vm.prank(alice);
        uint256 requestId = core(mp).requestWithdrawal(100e18);
        skip(7 days);

        bytes4 reentrant = ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector;
        // Pulling the asset in: deposit re-entering deposit.
        rt.setHook(mp, abi.encodeCall(core(mp).deposit, (1e18, alice)));
        vm.expectRevert(reentrant);
        vm.prank(alice);
        core(mp).deposit(10e18, alice);
        // Pulling the asset in: a purchase re-entering poke.
        rt.setHook(mp, abi.encodeCall(core(mp).poke, (1)));
        vm.expectRevert(reentrant);
        vm.prank(bob);
        core(mp).buyProtection(1, 10e18, bob);
        // Paying out: a withdrawal re-entering the extension facet's claimFees.
        rt.setHook(mp, abi.encodeCall(ext(mp).claimFees, (alice)));
        vm.expectRevert(reentrant);
        vm.prank(alice);
        core(mp).completeWithdrawal(requestId, 100e18, alice);
        // Paying out: withdrawing cover re-entering requestWithdrawal.
        rt.setHook(mp, abi.encodeCall(core(mp).requestWithdrawal, (1)));
        vm.expectRevert(reentrant);
        vm.prank(bob);
        core(mp).withdrawProtection(0, 10e18, bob);

        // Unhooked, the same calls go through.
        rt.setHook(address(0), "");
        vm.prank(alice);
        assertEq(core(mp).completeWithdrawal(requestId, 100e18, alice), 100e18);
        assertEq(rt.balanceOf(alice), 1100e18);
    }

    /// A USDT-style asset whose transfer, transferFrom and approve return nothing works for every movement.
    function test_noReturnValueAsset_worksForEveryMovement() public {
        NoReturnToken usdt = new NoReturnToken(6);
        MetaPoolParams memory p = specParams(IERC20Metadata(address(usdt)), 2);
        p.curve = zeroCurve();
        address mp = createPool(p);
        usdt.mint(alice, 1000e6);
        usdt.mint(bob, 101e6);
        vm.prank(alice);
        usdt.approve(mp, type(uint256).max);
        vm.prank(bob);
        usdt.approve(mp, type(uint256).max);

        vm.prank(alice);
        assertEq(core(mp).deposit(1000e6, alice), 1000e6);
        vm.prank(bob);
        core(mp).buyProtection(0, 100e6, bob);
        skip(1 days);
        vm.prank(bob);
        assertEq(core(mp).withdrawProtection(0, 40e6, bob), 40e6);
        assertEq(usdt.balanceOf(bob), 41e6);
        vm.prank(alice);
        uint256 requestId = core(mp).requestWithdrawal(100e6);
        skip(7 days);
        vm.prank(alice);
        assertEq(core(mp).completeWithdrawal(requestId, 100e6, alice), 100e6);
        assertEq(usdt.balanceOf(alice), 100e6);

        // A claim: bond in, payout out.
        vm.prank(bob);
        uint256 claimId = core(mp).fileClaim(0, block.timestamp, "");
        rule(mp, claimId, true);
        vm.prank(bob);
        assertEq(ext(mp).redeemPayout(0, 0, bob), 60e6 + 900e6);
        vm.prank(bob);
        assertEq(ext(mp).claimFees(bob), 1e6);
        assertEq(usdt.balanceOf(bob), 41e6 + 960e6);
        assertEq(usdt.balanceOf(mp), 0);
    }

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
