// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {UnderwritingTestBase} from "../utils/UnderwritingTestBase.sol";

/// @notice SPEC §4: cancelling a withdrawal request: the shares returned, and who may cancel when.
contract UnderwritingCancellationsTest is UnderwritingTestBase {
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
}
