// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {WithdrawalRequest} from "../../src/interfaces/MetaPoolTypes.sol";
import {UnderwritingTestBase} from "../utils/UnderwritingTestBase.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice SPEC §4: two-step withdrawals: requesting, then completing within the window, under the min rule.
contract UnderwritingWithdrawalsTest is UnderwritingTestBase {
    // ----- helpers -----

    function expectCompleteRevert(address pool, address who, uint256 requestId, uint256 shares, bytes memory err)
        internal
    {
        vm.expectRevert(err);
        vm.prank(who);
        core(pool).completeWithdrawal(requestId, shares, who);
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
}
