// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Claim, ClaimStatus, MetaPoolView, Purchase, PurchaseStatus} from "../../src/interfaces/MetaPoolTypes.sol";
import {PoolState} from "../../src/metapool/MetaPoolStorage.sol";
import {RawState} from "../mocks/MetaPoolReaderExtension.sol";
import {MetaPoolInvariantBase} from "./MetaPoolInvariantBase.sol";

/// @notice The books: totals equal the sums of their parts, fees, capital rebuilt from events, the purchase queue,
/// and views that equal storage when synced.
abstract contract BooksInvariants is MetaPoolInvariantBase {
    // =====================================================================================================
    // Books: totals, fees, events, queues
    // =====================================================================================================

    /// Every stored total equals the sum of its parts.
    function invariant_books_totalsEqualTheSumOfTheirParts() public view alsoHandlerFindings {
        RawState memory s = reader.rawState();
        _checkPoolTotals(s);
        _checkPurchaseTotals(s);
        _checkClaimTotals(s);
        _checkRedeemableAndOwed(s);
    }

    /// @dev ΣK and ΣR equal the pools' K and R.
    function _checkPoolTotals(RawState memory s) internal view {
        uint256 sumActive;
        uint256 sumPending;
        for (uint256 i; i < poolCount(); ++i) {
            PoolState memory pool = reader.rawPool(i);
            sumActive += pool.active;
            sumPending += pool.pending;
        }
        assertEq(s.totalActive, sumActive, "totalActive != sum K");
        assertEq(s.totalPending, sumPending, "totalPending != sum R");
    }

    /// @dev ΣR and each pool's R equal the live purchases; refunds owed equal the voided ones and unaccepted rests.
    function _checkPurchaseTotals(RawState memory s) internal view {
        uint256[] memory pendingByPool = new uint256[](poolCount());
        uint256 live;
        uint256 refunds;
        Purchase[] memory purchases = reader.rawPurchases();
        for (uint256 k; k < purchases.length; ++k) {
            Purchase memory p = purchases[k];
            if (p.status == PurchaseStatus.Pending) {
                if (k + 1 < s.voidedBefore) {
                    refunds += p.amount;
                } else {
                    live += p.amount;
                    pendingByPool[p.poolId] += p.amount;
                }
            } else if (p.status == PurchaseStatus.Matured && !p.restRefunded) {
                refunds += p.amount - p.accepted;
            }
        }
        assertEq(live, s.totalPending, "totalPending != live purchases");
        for (uint256 i; i < pendingByPool.length; ++i) {
            assertEq(reader.rawPool(i).pending, pendingByPool[i], "pool R != its live purchases");
        }
        assertEq(refunds, s.refundsOwed, "refundsOwed != refundable purchases");
        // The handler's open purchases (kept from events) hold all of it.
        uint256 open;
        Purchase[] memory tracked = reader.rawPurchasesAt(handler.openPurchaseIds());
        for (uint256 k; k < tracked.length; ++k) {
            if (tracked[k].status == PurchaseStatus.Pending) {
                open += tracked[k].amount;
            } else if (tracked[k].status == PurchaseStatus.Matured && !tracked[k].restRefunded) {
                open += tracked[k].amount - tracked[k].accepted;
            }
        }
        assertEq(open, live + refunds, "handler lost track of a purchase");
    }

    /// @dev Bonds held and the pending count equal the pending claims, each recorded on its pool.
    function _checkClaimTotals(RawState memory s) internal view {
        uint256 bonds;
        uint256 pending;
        Claim[] memory claims = reader.rawClaims();
        for (uint256 k; k < claims.length; ++k) {
            Claim memory c = claims[k];
            if (c.status != ClaimStatus.Pending) continue;
            bonds += c.bond;
            ++pending;
            assertEq(reader.rawPool(c.poolId).claimId, k + 1, "pending claim not on its pool");
        }
        assertEq(bonds, s.bondsHeld, "bondsHeld != pending bonds");
        assertEq(pending, s.pendingClaims, "pendingClaims miscounted");
    }

    /// @dev Redeemable equals the closed epochs' remainders; owed equals the arbiter's, creator's and filers' balances.
    function _checkRedeemableAndOwed(RawState memory s) internal view {
        uint256 redeemable;
        address[] memory tokens = handler.coverTokens();
        for (uint256 k; k < tokens.length; ++k) {
            (uint256 poolId, uint256 epoch) = handler.tokenPool(tokens[k]);
            if (epoch < reader.rawPool(poolId).epoch) redeemable += reader.closedEpoch(poolId, epoch).remaining;
        }
        assertEq(redeemable, s.redeemableTotal, "redeemableTotal != closed remainders");
        address[] memory actors = handler.actors();
        uint256 owed = reader.rawOwed(arbiter) + reader.rawOwed(creator);
        for (uint256 i; i < actors.length; ++i) {
            owed += reader.rawOwed(actors[i]);
        }
        assertEq(owed, s.owedTotal, "owedTotal != sum owed");
    }

    /// Fees paid never exceed fees accrued: what the arbiter and the creator collected plus what they are owed
    /// is exactly what the events say premiums paid them.
    function invariant_fees_paidNeverExceedAccrued() public view alsoHandlerFindings {
        address[2] memory who = [arbiter, creator];
        for (uint256 k; k < 2; ++k) {
            uint256 accrued = handler.ghostFeesAccrued(who[k]);
            uint256 paid = handler.ghostFeesPaid(who[k]);
            assertLe(paid, accrued, "fees paid > accrued");
            assertEq(paid + reader.rawOwed(who[k]), accrued, "fees paid + owed != accrued");
        }
    }

    /// An indexer rebuilding C from deposits, withdrawals, exits, premiums, claim debts, forfeited bonds and
    /// payouts lands exactly on the stored C.
    function invariant_events_capitalRebuiltFromEventsMatchesStorage() public view alsoHandlerFindings {
        assertEq(handler.ghostCapital(), reader.rawState().capital, "C from events != stored C");
    }

    /// The live purchase queue stays ordered (maturesAt non-decreasing over ids from the head: `_countDue` searches
    /// it), `1 ≤ head ≤ next`, nothing live hides behind the head, and claims are ruled in filing order. (A matured
    /// purchase records the time it really matured, which a restarted delay may have pushed past later ones.)
    function invariant_queue_purchasesOrderedAndHeadWithinBounds() public view alsoHandlerFindings {
        RawState memory s = reader.rawState();
        assertGe(s.queueHead, 1, "head < 1");
        assertLe(s.queueHead, s.nextPurchaseId, "head > next");
        assertLe(s.voidedBefore, s.nextPurchaseId, "voidedBefore > next");
        uint256 last;
        Purchase[] memory purchases = reader.rawPurchases();
        for (uint256 id = 1; id < s.nextPurchaseId; ++id) {
            Purchase memory p = purchases[id - 1];
            if (id >= s.queueHead) {
                assertGe(p.maturesAt, last, "queue out of order");
                last = p.maturesAt;
            }
            if (id < s.queueHead && p.status == PurchaseStatus.Pending && id >= s.voidedBefore) {
                // Only a purchase its buyer took back during a freeze is skipped, and it is Refunded.
                revert("live purchase behind the queue head");
            }
        }
        assertLe(s.claimHead, s.nextClaimId, "claim head > next");
        Claim[] memory claims = reader.rawClaims();
        for (uint256 id = 1; id < s.claimHead; ++id) {
            assertTrue(claims[id - 1].status != ClaimStatus.Pending, "pending claim behind the head");
        }
    }

    /// Views project the stored state to now; right after a sync with nothing due they show it unchanged.
    function invariant_views_projectionEqualsStorageWhenSynced() public view alsoHandlerFindings {
        RawState memory s = reader.rawState();
        if (s.lastSyncAt != block.timestamp || s.hasDuePurchase) return;
        MetaPoolView memory v = reader.metaPoolView();
        assertEq(v.capital, s.capital, "capital view");
        assertEq(v.totalActive, s.totalActive, "totalActive view");
        assertEq(v.totalPending, s.totalPending, "totalPending view");
        assertEq(v.feesOwedTotal, s.owedTotal, "fees view");
        for (uint256 i; i < v.pools.length; ++i) {
            PoolState memory pool = reader.rawPool(i);
            assertEq(v.pools[i].active, pool.active, "pool K view");
            assertEq(v.pools[i].coverSupply, pool.supply, "pool supply view");
            assertEq(v.pools[i].debt, pool.debt, "pool debt view");
            assertEq(v.pools[i].token, pool.token, "pool token view");
        }
    }
}
