// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../../src/interfaces/ICoverToken.sol";
import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {MetaPoolParams} from "../../src/interfaces/MetaPoolTypes.sol";
import {FeeOnTransferToken} from "../mocks/FeeOnTransferToken.sol";
import {NoReturnToken} from "../mocks/NoReturnToken.sol";
import {ReentrantToken} from "../mocks/ReentrantToken.sol";
import {AttacksTestBase} from "../utils/AttacksTestBase.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// @notice One test per attack on a MetaPool, each named for the attack it defeats: share price games and weird
/// assets. Attacks on who may do what are in AttacksOnPowers.t.sol, on supplies in AttacksOnSupplies.t.sol.
contract AttacksTest is AttacksTestBase {
    // ----- helpers -----

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
}
