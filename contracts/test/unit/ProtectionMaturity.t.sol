// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {Purchase, PurchaseStatus} from "../../src/interfaces/MetaPoolTypes.sol";
import {ProtectionTestBase} from "../utils/ProtectionTestBase.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice SPEC §5, §6: purchases maturing through `sync` and `poke`, in batches, accepted in full or in part.
contract ProtectionMaturityTest is ProtectionTestBase {
    // ----- helpers -----

    /// @dev Timestamps of every `Synced` event `pool` emitted in `logs`.
    function syncedTimes(address pool, Vm.Log[] memory logs) internal pure returns (uint256[] memory times) {
        uint256 n;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == pool && logs[i].topics[0] == IMetaPoolEvents.Synced.selector) ++n;
        }
        times = new uint256[](n);
        n = 0;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == pool && logs[i].topics[0] == IMetaPoolEvents.Synced.selector) {
                (uint40 t,,,,,) = abi.decode(logs[i].data, (uint40, uint256, uint256[], uint256, uint256, uint256));
                times[n++] = t;
            }
        }
    }

    /// @dev `maturedAt` of the `PurchaseMatured` event `pool` emitted for `purchaseId` in `logs` (0 if none).
    function maturedAt(address pool, Vm.Log[] memory logs, uint256 purchaseId) internal pure returns (uint256 at) {
        for (uint256 i; i < logs.length; ++i) {
            Vm.Log memory log = logs[i];
            if (log.emitter != pool || log.topics[0] != IMetaPoolEvents.PurchaseMatured.selector) continue;
            if (uint256(log.topics[1]) != purchaseId) continue;
            (,,, uint40 t,,) = abi.decode(log.data, (uint32, uint256, uint256, uint40, uint256, uint256));
            at = t;
        }
    }

    /// @dev `count` purchases of 1 token in pool 0 by dave, one second apart; returns the last one's maturity.
    function buyMany(address pool, uint256 count) internal returns (uint256 lastMaturesAt) {
        for (uint256 i; i < count; ++i) {
            buy(pool, dave, 0, 1e18);
            if (i + 1 < count) skip(1);
        }
        lastMaturesAt = block.timestamp + 1 days;
    }

    // ----- maturing -----

    function test_purchase_maturesExactlyAtMaturesAt_throughAnyCallsSync() public {
        deposit(mp, alice, 1000e18);
        uint256 purchaseId = buy(mp, bob, 0, 100e18);
        uint40 maturesAt = ext(mp).purchase(purchaseId).maturesAt;

        vm.warp(maturesAt - 1);
        deposit(mp, carol, 1e18);
        assertEq(uint8(statusOf(mp, purchaseId)), uint8(PurchaseStatus.Pending));
        assertEq(ext(mp).pool(0).active, 0);
        assertEq(ext(mp).pool(0).token, address(0));

        vm.warp(maturesAt);
        // Views project the maturing before any transaction runs it.
        assertEq(ext(mp).pool(0).active, 100e18);
        assertEq(uint8(statusOf(mp, purchaseId)), uint8(PurchaseStatus.Pending));
        fund(carol, 1e18);
        vm.prank(carol);
        token.approve(mp, 1e18);
        vm.expectEmit(true, true, true, true, mp);
        emit IMetaPoolEvents.PurchaseMatured(purchaseId, 0, 0, 100e18, 100e18, maturesAt, 100e18, 100e18);
        vm.prank(carol);
        core(mp).deposit(1e18, carol);

        Purchase memory p = ext(mp).purchase(purchaseId);
        assertEq(uint8(p.status), uint8(PurchaseStatus.Matured));
        assertEq(p.accepted, 100e18);
        assertEq(coverToken(mp, 0).balanceOf(bob), 100e18);
        assertEq(ext(mp).pool(0).epochOpenedAt, maturesAt);
        assertEq(ext(mp).pool(0).pending, 0);
        assertEq(ext(mp).freeCapital(), 1002e18 - 100e18);
    }

    /// alice's withdrawal takes the capital a pending purchase reserved: at maturity only 50 of 100 is accepted.
    function test_purchase_isAcceptedInPart_whenCapitalShrank_andTheRestIsRefundable() public {
        address pool = zeroRatePool(3);
        deposit(pool, alice, 1000e18);
        uint256 requestId = requestWithdrawal(pool, alice, 1000e18);
        skip(7 days - 1 hours);
        uint256 purchaseId = buy(pool, bob, 0, 100e18);
        uint40 maturesAt = ext(pool).purchase(purchaseId).maturesAt;
        skip(1 hours);
        completeWithdrawal(pool, alice, requestId, 950e18);
        assertEq(ext(pool).capital(), 50e18);

        vm.warp(maturesAt);
        vm.expectEmit(true, true, true, true, pool);
        emit IMetaPoolEvents.PurchaseMatured(purchaseId, 0, 0, 50e18, 50e18, maturesAt, 50e18, 50e18);
        core(pool).poke(16);
        assertEq(ext(pool).purchase(purchaseId).accepted, 50e18);
        assertEq(coverToken(pool, 0).balanceOf(bob), 50e18);
        assertEq(ext(pool).pool(0).active, 50e18);
        (,,, uint256 refundsOwed) = ext(pool).liabilities();
        assertEq(refundsOwed, 50e18);

        // Anyone may trigger it; the buyer is paid.
        vm.expectEmit(true, true, true, true, pool);
        emit IMetaPoolEvents.PurchaseRefunded(purchaseId, bob, 50e18);
        vm.prank(dave);
        assertEq(core(pool).refundPurchase(purchaseId), 50e18);
        assertEq(token.balanceOf(bob), 50e18);
        assertEq(token.balanceOf(dave), 0);
        (,,, refundsOwed) = ext(pool).liabilities();
        assertEq(refundsOwed, 0);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.NothingToRefund.selector, purchaseId));
        core(pool).refundPurchase(purchaseId);
    }

    function test_purchase_isRefundableInFull_whenNoCapitalIsFreeAtMaturity() public {
        address pool = zeroRatePool(1);
        deposit(pool, alice, 1000e18);
        uint256 requestId = requestWithdrawal(pool, alice, 1000e18);
        skip(7 days - 1 hours);
        uint256 purchaseId = buy(pool, bob, 0, 100e18);
        skip(1 hours);
        completeWithdrawal(pool, alice, requestId, 1000e18);
        skip(1 days);
        core(pool).poke(16);
        assertEq(uint8(statusOf(pool, purchaseId)), uint8(PurchaseStatus.Matured));
        assertEq(ext(pool).purchase(purchaseId).accepted, 0);
        assertEq(ext(pool).pool(0).token, address(0));
        vm.prank(bob);
        assertEq(core(pool).refundPurchase(purchaseId), 100e18);
    }

    function test_sync_revertsSyncRequired_withSeventeenDuePurchases() public {
        deposit(mp, alice, 1000e18);
        uint256 lastMaturesAt = buyMany(mp, 17);
        vm.warp(lastMaturesAt - 1);
        // Sixteen due: one call matures them all.
        deposit(mp, carol, 1e18);
        assertEq(uint8(statusOf(mp, 16)), uint8(PurchaseStatus.Matured));
        assertEq(uint8(statusOf(mp, 17)), uint8(PurchaseStatus.Pending));

        address pool = createPool(specParams(token, 3));
        deposit(pool, alice, 1000e18);
        lastMaturesAt = buyMany(pool, 20);
        vm.warp(lastMaturesAt);
        assertEq(ext(pool).metaPoolView().dueUnprocessed, 4);
        fund(carol, 1e18);
        vm.prank(carol);
        token.approve(pool, 1e18);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.SyncRequired.selector, 4));
        vm.prank(carol);
        core(pool).deposit(1e18, carol);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.SyncRequired.selector, 4));
        vm.prank(alice);
        core(pool).requestWithdrawal(1e18);
    }

    function test_poke_worksThroughDuePurchasesInBatches_eachAccruingToItsLastMaturity() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 1, 100e18);
        uint256 lastMaturesAt = buyMany(mp, 20);
        vm.warp(lastMaturesAt + 1 hours);

        vm.recordLogs();
        assertEq(core(mp).poke(5), 15);
        uint256[] memory times = syncedTimes(mp, vm.getRecordedLogs());
        assertEq(times.length, 1);
        assertEq(times[0], ext(mp).purchase(6).maturesAt);
        assertEq(uint8(statusOf(mp, 6)), uint8(PurchaseStatus.Matured));
        assertEq(uint8(statusOf(mp, 7)), uint8(PurchaseStatus.Pending));

        vm.recordLogs();
        assertEq(core(mp).poke(16), 0);
        times = syncedTimes(mp, vm.getRecordedLogs());
        assertEq(times.length, 1);
        assertEq(times[0], block.timestamp);
        assertEq(ext(mp).purchase(21).accepted, 1e18);
        assertEq(uint8(statusOf(mp, 21)), uint8(PurchaseStatus.Matured));
        assertEq(core(mp).poke(16), 0);
    }

    function test_poke_maturesEachPurchaseAtItsOwnMaturity_acrossBatches() public {
        deposit(mp, alice, 1000e18);
        uint256 lastMaturesAt = buyMany(mp, 17);
        vm.warp(lastMaturesAt + 1 days);
        vm.recordLogs();
        assertEq(core(mp).poke(16), 1);
        assertEq(maturedAt(mp, vm.getRecordedLogs(), 16), lastMaturesAt - 1);
        assertEq(core(mp).poke(16), 0);
        assertEq(maturedAt(mp, vm.getRecordedLogs(), 17), lastMaturesAt);
        assertEq(ext(mp).pool(0).epochOpenedAt, lastMaturesAt - 16);
    }

    function test_poke_revertsInvalidMaxItems_atZeroAndSeventeen() public {
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.InvalidMaxItems.selector, 0));
        core(mp).poke(0);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.InvalidMaxItems.selector, 17));
        core(mp).poke(17);
        assertEq(core(mp).poke(16), 0);
    }

    /// Purchases that come due during a claim freeze never cause SyncRequired; after an invalid ruling they
    /// mature sixteen per call, at the ruling time.
    function test_sync_neverRevertsSyncRequired_forPurchasesFrozenByAPendingClaim() public {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 1, 100e18);
        uint256 lastMaturesAt = buyMany(mp, 17);
        uint256 claimId = fileClaim(mp, bob, 1);
        vm.warp(lastMaturesAt + 1 days);
        assertEq(requestWithdrawal(mp, alice, 1e18), 1);
        assertEq(uint8(statusOf(mp, 2)), uint8(PurchaseStatus.Pending));
        rule(mp, claimId, false);
        // Frozen purchases restart their delay at the ruling (revision 4): nothing is due until then.
        uint256 restartedAt = block.timestamp + 1 days;
        assertEq(requestWithdrawal(mp, alice, 1e18), 2);
        vm.warp(restartedAt);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.SyncRequired.selector, 1));
        vm.prank(alice);
        core(mp).requestWithdrawal(1e18);
        skip(1 hours);
        vm.recordLogs();
        assertEq(core(mp).poke(16), 1);
        assertEq(maturedAt(mp, vm.getRecordedLogs(), 2), restartedAt);
        assertEq(core(mp).poke(16), 0);
        assertEq(maturedAt(mp, vm.getRecordedLogs(), 18), restartedAt);
        assertEq(ext(mp).pool(0).epochOpenedAt, restartedAt);
    }
}
