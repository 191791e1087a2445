// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {WithdrawalRequest} from "../../src/interfaces/MetaPoolTypes.sol";
import {MetaPoolTestBase} from "../utils/MetaPoolTestBase.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice Underwriters (SPEC §4): deposits, the ERC-4626 views, two-step withdrawals under the min rule,
/// cancelling, and the shares' ERC-20 surface.
contract UnderwritingTest is MetaPoolTestBase {
    address internal mp;

    function setUp() public override {
        super.setUp();
        mp = createPool(specParams(token, 2));
    }

    // ----- helpers -----

    /// @dev A MetaPool that charges no premium, so capital moves only by deposits, withdrawals and claims.
    function zeroRatePool(uint16 payoutMultiple) internal returns (address pool) {
        pool = createPool(zeroRateParams(2, payoutMultiple));
    }

    /// @dev alice holds all 1 000 shares and bob 100 of active cover in pool 0 (matured this second, C = 1 000).
    function withCover() internal {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
    }

    /// @dev `withCover`, then 30 days of premium: C > 1 000 while the supply is still 1 000.
    function liftPrice() internal {
        withCover();
        skip(30 days);
        core(mp).poke(16);
        assertGt(ext(mp).capital(), 1000e18);
    }

    function expectCompleteRevert(address pool, address who, uint256 requestId, uint256 shares, bytes memory err)
        internal
    {
        vm.expectRevert(err);
        vm.prank(who);
        core(pool).completeWithdrawal(requestId, shares, who);
    }

    /// @dev Value of `account`'s shares at the current (projected) price.
    function valueOf(address pool, address account) internal view returns (uint256) {
        return ext(pool).convertToAssets(ext(pool).balanceOf(account));
    }

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

    // ----- requestWithdrawal -----

    function test_requestWithdrawal_movesTheSharesIntoCustody_andRecordsTheRequest() public {
        liftPrice();
        uint256 expected = ext(mp).convertToAssets(400e18);
        assertGt(expected, 400e18);
        uint40 unlockAt = uint40(block.timestamp + 7 days);
        vm.expectEmit(true, true, true, true, mp);
        emit IERC20.Transfer(alice, mp, 400e18);
        vm.expectEmit(true, true, true, true, mp);
        emit IMetaPoolEvents.WithdrawalRequested(1, alice, 400e18, expected, unlockAt);
        uint256 requestId = requestWithdrawal(mp, alice, 400e18);

        assertEq(requestId, 1);
        assertEq(ext(mp).balanceOf(alice), 600e18);
        assertEq(ext(mp).balanceOf(mp), 400e18);
        assertEq(ext(mp).totalSupply(), 1000e18);
        WithdrawalRequest memory r = ext(mp).withdrawalRequest(requestId);
        assertEq(r.owner, alice);
        assertEq(r.unlockAt, unlockAt);
        assertEq(r.shares, 400e18);
        assertEq(r.assetsAtRequest, expected);
        assertEq(ext(mp).requestCount(), 1);
        assertEq(requestWithdrawal(mp, alice, 1), 2);
    }

    function test_requestWithdrawal_revertsInsufficientShares_withTheBalance() public {
        deposit(mp, alice, 100e18);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.InsufficientShares.selector, 100e18 + 1, 100e18));
        vm.prank(alice);
        core(mp).requestWithdrawal(100e18 + 1);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.InsufficientShares.selector, 1, 0));
        vm.prank(bob);
        core(mp).requestWithdrawal(1);
    }

    function test_requestWithdrawal_revertsZeroAmount() public {
        deposit(mp, alice, 100e18);
        vm.expectRevert(IMetaPoolErrors.ZeroAmount.selector);
        vm.prank(alice);
        core(mp).requestWithdrawal(0);
    }

    function test_requestWithdrawal_isAllowed_whileAClaimIsPending() public {
        withCover();
        fileClaim(mp, bob, 0);
        uint256 requestId = requestWithdrawal(mp, alice, 10e18);
        assertEq(ext(mp).withdrawalRequest(requestId).shares, 10e18);
    }

    // ----- completeWithdrawal: timing -----

    function test_completeWithdrawal_revertsWithdrawalLocked_untilUnlockAt() public {
        deposit(mp, alice, 1000e18);
        uint256 requestId = requestWithdrawal(mp, alice, 500e18);
        uint256 unlockAt = block.timestamp + 7 days;
        skip(7 days - 1);
        expectCompleteRevert(
            mp, alice, requestId, 500e18, abi.encodeWithSelector(IMetaPoolErrors.WithdrawalLocked.selector, unlockAt)
        );
        skip(1);
        assertEq(completeWithdrawal(mp, alice, requestId, 500e18), 500e18);
        assertEq(token.balanceOf(alice), 500e18);
        assertEq(ext(mp).capital(), 500e18);
        assertEq(ext(mp).totalSupply(), 500e18);
        assertEq(ext(mp).balanceOf(mp), 0);
    }

    function test_completeWithdrawal_paysAtTheLastSecondOfTheSevenDayWindow() public {
        deposit(mp, alice, 1000e18);
        uint256 requestId = requestWithdrawal(mp, alice, 500e18);
        skip(14 days);
        assertEq(completeWithdrawal(mp, alice, requestId, 500e18), 500e18);
    }

    function test_completeWithdrawal_revertsWithdrawalWindowClosed_sevenDaysAfterUnlock() public {
        deposit(mp, alice, 1000e18);
        uint256 requestId = requestWithdrawal(mp, alice, 500e18);
        uint256 windowEnd = block.timestamp + 14 days;
        skip(14 days + 1);
        expectCompleteRevert(
            mp,
            alice,
            requestId,
            500e18,
            abi.encodeWithSelector(IMetaPoolErrors.WithdrawalWindowClosed.selector, windowEnd)
        );
        // The request can still be cancelled.
        vm.prank(alice);
        assertEq(core(mp).cancelWithdrawal(requestId), 500e18);
        assertEq(ext(mp).balanceOf(alice), 1000e18);
    }

    function test_completeWithdrawal_reopensForSevenDays_afterALaterClaimRuling() public {
        withCover();
        uint256 requestId = requestWithdrawal(mp, alice, 500e18);
        skip(20 days);
        uint256 firstEnd = block.timestamp - 6 days;
        expectCompleteRevert(
            mp,
            alice,
            requestId,
            1e18,
            abi.encodeWithSelector(IMetaPoolErrors.WithdrawalWindowClosed.selector, firstEnd)
        );
        uint256 claimId = fileClaim(mp, bob, 0);
        skip(1 days);
        rule(mp, claimId, false);
        uint256 windowEnd = block.timestamp + 7 days;
        assertEq(ext(mp).lastRulingAt(), block.timestamp);
        skip(7 days);
        assertEq(completeWithdrawal(mp, alice, requestId, 250e18), 250e18);
        skip(1);
        expectCompleteRevert(
            mp,
            alice,
            requestId,
            250e18,
            abi.encodeWithSelector(IMetaPoolErrors.WithdrawalWindowClosed.selector, windowEnd)
        );
    }

    function test_completeWithdrawal_revertsClaimPending_whileAClaimIsPending() public {
        withCover();
        uint256 requestId = requestWithdrawal(mp, alice, 500e18);
        skip(7 days);
        uint256 claimId = fileClaim(mp, bob, 0);
        expectCompleteRevert(
            mp, alice, requestId, 500e18, abi.encodeWithSelector(IMetaPoolErrors.ClaimPending.selector, claimId)
        );
    }

    // ----- completeWithdrawal: amounts -----

    function test_completeWithdrawal_paysAssetsAtRequest_notMore_whenPremiumsLiftedThePrice() public {
        withCover();
        uint256 requestId = requestWithdrawal(mp, alice, 500e18);
        assertEq(ext(mp).withdrawalRequest(requestId).assetsAtRequest, 500e18);
        skip(7 days);
        uint256 c = ext(mp).capital();
        assertGt(ext(mp).convertToAssets(500e18), 500e18);
        assertEq(completeWithdrawal(mp, alice, requestId, 500e18), 500e18);
        // The premium the requested shares would have earned stays with the remaining shares.
        assertEq(ext(mp).capital(), c - 500e18);
        assertEq(ext(mp).totalSupply(), 500e18);
    }

    /// payoutMultiple 2, pools of 100 and 100, C = 1 000: a valid claim on pool 0 pays 200, leaving C = 800.
    function test_completeWithdrawal_paysWhatTheSharesAreWorth_whenAClaimCutThePrice() public {
        address pool = zeroRatePool(2);
        deposit(pool, alice, 1000e18);
        buy(pool, bob, 0, 100e18);
        buyActive(pool, bob, 1, 100e18);
        uint256 requestId = requestWithdrawal(pool, alice, 500e18);
        uint256 claimId = fileClaim(pool, bob, 0);
        rule(pool, claimId, true);
        assertEq(ext(pool).capital(), 800e18);
        skip(7 days);
        assertEq(completeWithdrawal(pool, alice, requestId, 500e18), 400e18);
        assertEq(ext(pool).capital(), 400e18);
        assertEq(valueOf(pool, alice), 400e18);
    }

    function test_completeWithdrawal_shrinksTheRequestProRata_inPartialWithdrawals() public {
        liftPrice();
        uint256 requestId = requestWithdrawal(mp, alice, 300e18);
        uint256 assetsAtRequest = ext(mp).withdrawalRequest(requestId).assetsAtRequest;
        skip(7 days);
        uint256 promised = 100e18 * assetsAtRequest / 300e18;
        uint256 left = assetsAtRequest * 200e18 / 300e18;
        assertLt(promised, ext(mp).convertToAssets(100e18));
        uint256 c = ext(mp).capital();
        vm.expectEmit(true, true, true, true, mp);
        emit IMetaPoolEvents.WithdrawalCompleted(requestId, alice, carol, 100e18, promised, 200e18, left, c - promised);
        vm.prank(alice);
        assertEq(core(mp).completeWithdrawal(requestId, 100e18, carol), promised);
        assertEq(token.balanceOf(carol), promised);
        WithdrawalRequest memory r = ext(mp).withdrawalRequest(requestId);
        assertEq(r.shares, 200e18);
        assertEq(r.assetsAtRequest, left);

        assertEq(completeWithdrawal(mp, alice, requestId, 200e18), left);
        assertLe(promised + left, assetsAtRequest);
        assertEq(ext(mp).withdrawalRequest(requestId).shares, 0);
        expectCompleteRevert(
            mp, alice, requestId, 1, abi.encodeWithSelector(IMetaPoolErrors.InsufficientRequestShares.selector, 1, 0)
        );
    }

    function test_completeWithdrawal_revertsInsufficientFreeCapital_withWhatCoverLeavesFree() public {
        address pool = zeroRatePool(0);
        deposit(pool, alice, 1000e18);
        buyActive(pool, bob, 0, 900e18);
        uint256 requestId = requestWithdrawal(pool, alice, 500e18);
        skip(7 days);
        expectCompleteRevert(
            pool,
            alice,
            requestId,
            500e18,
            abi.encodeWithSelector(IMetaPoolErrors.InsufficientFreeCapital.selector, 100e18)
        );
        assertEq(completeWithdrawal(pool, alice, requestId, 100e18), 100e18);
        expectCompleteRevert(
            pool, alice, requestId, 1, abi.encodeWithSelector(IMetaPoolErrors.InsufficientFreeCapital.selector, 0)
        );
        assertEq(ext(pool).capital(), 900e18);
        assertEq(ext(pool).pool(0).active, 900e18);
    }

    function test_completeWithdrawal_paysAtOnce_afterShutdown_withNoLockAndNoFreeCapitalCap() public {
        address pool = zeroRatePool(0);
        deposit(pool, alice, 1000e18);
        buyActive(pool, bob, 0, 900e18);
        uint256 requestId = requestWithdrawal(pool, alice, 500e18);
        vm.prank(arbiter);
        core(pool).shutdown();
        assertEq(completeWithdrawal(pool, alice, requestId, 500e18), 500e18);
        assertEq(ext(pool).capital(), 500e18);
    }

    function test_completeWithdrawal_revertsNotRequestOwner_forAnyoneElse() public {
        deposit(mp, alice, 1000e18);
        uint256 requestId = requestWithdrawal(mp, alice, 500e18);
        skip(7 days);
        expectCompleteRevert(
            mp, bob, requestId, 500e18, abi.encodeWithSelector(IMetaPoolErrors.NotRequestOwner.selector, 1, alice)
        );
    }

    function test_completeWithdrawal_revertsUnknownRequest_forIdsNeverIssued() public {
        deposit(mp, alice, 1000e18);
        requestWithdrawal(mp, alice, 500e18);
        skip(7 days);
        expectCompleteRevert(mp, alice, 0, 1, abi.encodeWithSelector(IMetaPoolErrors.UnknownRequest.selector, 0));
        expectCompleteRevert(mp, alice, 2, 1, abi.encodeWithSelector(IMetaPoolErrors.UnknownRequest.selector, 2));
    }

    function test_completeWithdrawal_revertsInsufficientRequestShares_beyondTheRequest() public {
        deposit(mp, alice, 1000e18);
        uint256 requestId = requestWithdrawal(mp, alice, 500e18);
        skip(7 days);
        expectCompleteRevert(
            mp,
            alice,
            requestId,
            500e18 + 1,
            abi.encodeWithSelector(IMetaPoolErrors.InsufficientRequestShares.selector, 500e18 + 1, 500e18)
        );
    }

    function test_completeWithdrawal_revertsZeroAmountAndZeroAddress() public {
        deposit(mp, alice, 1000e18);
        uint256 requestId = requestWithdrawal(mp, alice, 500e18);
        skip(7 days);
        expectCompleteRevert(mp, alice, requestId, 0, abi.encodeWithSelector(IMetaPoolErrors.ZeroAmount.selector));
        vm.expectRevert(IMetaPoolErrors.ZeroAddress.selector);
        vm.prank(alice);
        core(mp).completeWithdrawal(requestId, 1, address(0));
    }

    // ----- cancelWithdrawal -----

    /// Premium lifts C while alice's request waits: cancelling returns shares worth at most assetsAtRequest at
    /// the price before the burn, and burns the rest, so alice ends behind carol, who never requested.
    function test_cancelWithdrawal_burnsThePremiumGain_ofTheRequestedShares() public {
        deposit(mp, alice, 500e18);
        deposit(mp, carol, 500e18);
        buyActive(mp, bob, 0, 100e18);
        uint256 requestId = requestWithdrawal(mp, alice, 500e18);
        uint256 assetsAtRequest = ext(mp).withdrawalRequest(requestId).assetsAtRequest;
        assertEq(assetsAtRequest, 500e18);
        skip(7 days);
        uint256 c = ext(mp).capital();
        uint256 s = ext(mp).totalSupply();
        uint256 returned = assetsAtRequest * (s + 1) / (c + 1);
        assertLt(returned, 500e18);
        assertEq(ext(mp).previewWithdrawal(requestId).sharesIfCancelled, returned);

        vm.expectEmit(true, true, true, true, mp);
        emit IMetaPoolEvents.WithdrawalCancelled(requestId, alice, returned, 500e18 - returned);
        vm.prank(alice);
        assertEq(core(mp).cancelWithdrawal(requestId), returned);

        assertEq(ext(mp).balanceOf(alice), returned);
        assertEq(ext(mp).balanceOf(mp), 0);
        assertEq(ext(mp).totalSupply(), s - (500e18 - returned));
        assertEq(ext(mp).capital(), c);
        assertLe(returned * (c + 1) / (s + 1), assetsAtRequest);
        assertLt(valueOf(mp, alice), valueOf(mp, carol));
        assertEq(ext(mp).withdrawalRequest(requestId).owner, address(0));
    }

    function test_cancelWithdrawal_returnsEveryShare_whenThePriceFell() public {
        address pool = zeroRatePool(2);
        deposit(pool, alice, 1000e18);
        buy(pool, bob, 0, 100e18);
        buyActive(pool, bob, 1, 100e18);
        uint256 requestId = requestWithdrawal(pool, alice, 500e18);
        uint256 claimId = fileClaim(pool, bob, 0);
        rule(pool, claimId, true);
        vm.expectEmit(true, true, true, true, pool);
        emit IMetaPoolEvents.WithdrawalCancelled(requestId, alice, 500e18, 0);
        vm.prank(alice);
        assertEq(core(pool).cancelWithdrawal(requestId), 500e18);
        assertEq(ext(pool).balanceOf(alice), 1000e18);
        assertEq(ext(pool).totalSupply(), 1000e18);
    }

    function test_cancelWithdrawal_isAllowed_whileAClaimIsPending() public {
        withCover();
        uint256 requestId = requestWithdrawal(mp, alice, 500e18);
        fileClaim(mp, bob, 0);
        vm.prank(alice);
        assertEq(core(mp).cancelWithdrawal(requestId), 500e18);
        assertEq(ext(mp).balanceOf(alice), 1000e18);
    }

    function test_cancelWithdrawal_revertsNotRequestOwner_andUnknownRequest() public {
        deposit(mp, alice, 1000e18);
        uint256 requestId = requestWithdrawal(mp, alice, 500e18);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NotRequestOwner.selector, requestId, alice));
        vm.prank(bob);
        core(mp).cancelWithdrawal(requestId);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.UnknownRequest.selector, 7));
        vm.prank(alice);
        core(mp).cancelWithdrawal(7);
        vm.prank(alice);
        core(mp).cancelWithdrawal(requestId);
        // A cancelled request is gone.
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.UnknownRequest.selector, requestId));
        vm.prank(alice);
        core(mp).cancelWithdrawal(requestId);
    }

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
