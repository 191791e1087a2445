// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../../src/interfaces/ICoverToken.sol";
import {
    Claim,
    ClaimStatus,
    ClosedEpoch,
    MetaPoolParams,
    MetaPoolView,
    Purchase,
    PurchaseStatus,
    WithdrawalRequest
} from "../../src/interfaces/MetaPoolTypes.sol";
import {LapseHint} from "../../src/lib/LapseHint.sol";
import {PoolState} from "../../src/metapool/MetaPoolStorage.sol";
import {MetaPoolReaderExtension, RawState} from "../mocks/MetaPoolReaderExtension.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {MetaPoolTestBase} from "../utils/MetaPoolTestBase.sol";
import {MetaPoolHandler} from "./handlers/MetaPoolHandler.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @notice SPEC §3's invariants (and the books behind them) over random sequences of every action.
/// Each concrete suite below fixes the number of coverage pools, the asset's decimals and the payout cap.
/// The MetaPool runs the production facets; its extension adds raw-storage getters so the books are checked
/// exactly as stored (views project to now).
abstract contract MetaPoolInvariantTest is MetaPoolTestBase {
    uint256 internal constant DUST_RATIO = 1e9;
    uint256 internal constant SUPPLY_BOUND = 2 ** 200;

    MetaPoolHandler internal handler;
    MetaPoolReaderExtension internal reader;
    address internal mp;
    address internal erin = makeAddr("erin");

    /// @dev Forge runs one campaign per invariant and checks only that invariant after each call, so every
    /// invariant also checks the handler's own findings (unexpected reverts, broken previews): a campaign that
    /// stumbles on one fails whichever invariant it is exercising.
    modifier alsoHandlerFindings() {
        _;
        assertEq(handler.ghostUnexpectedReverts(), 0, handler.firstUnexpected());
        assertEq(handler.ghostBrokenPreviews(), 0, handler.firstBrokenPreview());
        assertEq(handler.ghostValueDrops(), 0, handler.firstValueDrop());
    }

    function poolCount() internal pure virtual returns (uint256);
    function assetDecimals() internal pure virtual returns (uint8);

    function payoutMultiple() internal pure virtual returns (uint16) {
        return 0;
    }

    function setUp() public override {
        super.setUp();
        token = new MockERC20("Test USD", "tUSD", assetDecimals());
        factory = deployFactoryWithExtension(address(new MetaPoolReaderExtension()));
        MetaPoolParams memory p = specParams(token, poolCount());
        p.payoutMultiple = payoutMultiple();
        mp = createPool(p);
        reader = MetaPoolReaderExtension(mp);

        address[] memory actors = new address[](5);
        actors[0] = alice;
        actors[1] = bob;
        actors[2] = carol;
        actors[3] = dave;
        actors[4] = erin;
        handler = new MetaPoolHandler(mp, token, actors);

        // A running market to start from: two underwriters, cover in up to three pools, matured.
        uint256 one = 10 ** assetDecimals();
        handler.seedDeposit(0, 1000 * one);
        handler.seedDeposit(1, 250 * one + 7);
        for (uint256 i; i < 3 && i < poolCount(); ++i) {
            handler.seedPurchase(2 + i, i, (100 + 10 * i) * one);
        }
        handler.seedWarp(p.purchaseDelay);
        handler.poke(15);

        targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](20);
        selectors[0] = handler.deposit.selector;
        selectors[1] = handler.requestWithdrawal.selector;
        selectors[2] = handler.completeWithdrawal.selector;
        selectors[3] = handler.cancelWithdrawal.selector;
        selectors[4] = handler.buyProtection.selector;
        selectors[5] = handler.refundPurchase.selector;
        selectors[6] = handler.withdrawProtection.selector;
        selectors[7] = handler.redeemPayout.selector;
        selectors[8] = handler.fileClaim.selector;
        selectors[9] = handler.resolveClaim.selector;
        selectors[10] = handler.claimFees.selector;
        selectors[11] = handler.exit.selector;
        selectors[12] = handler.poke.selector;
        selectors[13] = handler.transferShares.selector;
        selectors[14] = handler.transferCover.selector;
        selectors[15] = handler.warp.selector;
        selectors[16] = handler.shutdown.selector;
        selectors[17] = handler.buyBurst.selector;
        // Revision 4's two attacks, as moves any actor may make.
        selectors[18] = handler.recycleReservation.selector;
        selectors[19] = handler.shamClaim.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    // =====================================================================================================
    // SPEC §3 (1): solvency
    // =====================================================================================================

    /// Stored books: the asset balance covers C + ΣK + ΣR + fees and bonds owed + bonds held + unredeemed
    /// payouts and remainders + refunds.
    function invariant_solvency_assetBalanceCoversEveryLiability() public view alsoHandlerFindings {
        RawState memory s = reader.rawState();
        assertGe(token.balanceOf(mp), _liabilities(s), "balance < liabilities");
    }

    /// Stronger: with no donations, the balance equals the books to the unit. Every transfer in or out moves
    /// exactly one booked amount, and every rounding remainder stays inside a booked amount (C, a pool's K, a
    /// closed epoch's remainder), so no dust can fall outside the books in either direction.
    function invariant_solvency_assetBalanceEqualsTheBooksExactly() public view alsoHandlerFindings {
        RawState memory s = reader.rawState();
        assertEq(token.balanceOf(mp), _liabilities(s), "balance != liabilities");
    }

    /// The same books projected to now (as every view shows them) never exceed the balance either.
    function invariant_solvency_projectedBooksStayCovered() public view alsoHandlerFindings {
        MetaPoolView memory v = reader.metaPoolView();
        (, uint256 bondsHeld, uint256 redeemable, uint256 refunds) = reader.liabilities();
        uint256 total = v.capital + v.totalActive + v.totalPending + v.feesOwedTotal + bondsHeld + redeemable + refunds;
        assertGe(token.balanceOf(mp), total, "balance < projected liabilities");
    }

    // =====================================================================================================
    // SPEC §3 (2): full backing
    // =====================================================================================================

    function invariant_fullBacking_activeCoverNeverExceedsCapitalBeforeShutdown() public view alsoHandlerFindings {
        RawState memory s = reader.rawState();
        if (s.shutDown) return;
        assertLe(s.totalActive, s.capital, "stored: sum K > C");
        MetaPoolView memory v = reader.metaPoolView();
        assertLe(v.totalActive, v.capital, "projected: sum K > C");
    }

    // =====================================================================================================
    // SPEC §3 (3): rounding never favours a user
    // =====================================================================================================

    /// No account ends with more than it put in plus what it earned: `out + held ≤ in + earned`, where
    /// `earned` is ceil(holding × every rise of the unit's value) over the run: premiums and forfeited bonds for
    /// shares, payouts and other holders' rounding for cover (see MetaPoolHandler).
    function invariant_rounding_noAccountEndsWithMoreThanItPutInPlusEarnings() public view alsoHandlerFindings {
        address[] memory actors = handler.actors();
        uint256[] memory held = handler.heldValues();
        for (uint256 i; i < actors.length; ++i) {
            address a = actors[i];
            uint256 got = handler.ghostOut(a) + held[i];
            uint256 bound = handler.ghostIn(a) + handler.ghostEarned(a);
            assertLe(got, bound, string.concat("account gained from rounding: ", vm.toString(a)));
        }
    }

    /// Rounding direction, exactly: once an action's own sync has run, the action can only move value towards the
    /// pool's side: no share and no cover token is worth less after it (`(C + 1) / (S + 1)`, `(K − debt) / supply`,
    /// `remaining / supply`), except the share when a valid claim pays out. And `poke` leaves exactly the state the
    /// views projected.
    function invariant_rounding_noActionLowersAShareOrCoverTokenValue() public view alsoHandlerFindings {
        assertEq(handler.ghostValueDrops(), 0, handler.firstValueDrop());
    }

    /// What holders can redeem never exceeds what backs it: shares and requests ≤ C, each open epoch's tokens
    /// ≤ K − debt, each closed epoch's tokens ≤ its remainder.
    function invariant_rounding_holdersClaimsNeverExceedTheirBacking() public view alsoHandlerFindings {
        RawState memory s = reader.rawState();
        assertLe(_shareClaims(s), s.capital, "share claims > C");
        address[] memory tokens = handler.coverTokens();
        for (uint256 k; k < tokens.length; ++k) {
            (uint256 claims, uint256 backing) = _coverClaims(tokens[k]);
            assertLe(claims, backing, "cover claims > backing");
        }
    }

    /// @dev What every actor's shares and requests redeem at the current price, each rounded down.
    function _shareClaims(RawState memory s) internal view returns (uint256 value) {
        address[] memory actors = handler.actors();
        (uint256 num, uint256 den) = s.shareSupply == 0 ? (1, 1) : (s.capital + 1, s.shareSupply + 1);
        for (uint256 i; i < actors.length; ++i) {
            value += Math.mulDiv(reader.balanceOf(actors[i]), num, den);
        }
        uint256[] memory ids = handler.requestIds();
        for (uint256 k; k < ids.length; ++k) {
            WithdrawalRequest memory r = reader.withdrawalRequest(ids[k]);
            uint256 worth = Math.mulDiv(r.shares, num, den);
            value += worth < r.assetsAtRequest ? worth : r.assetsAtRequest;
        }
    }

    /// @dev What every actor's tokens of one epoch redeem, each rounded down, and what backs them.
    function _coverClaims(address token) internal view returns (uint256 claims, uint256 backing) {
        (uint256 poolId, uint256 epoch) = handler.tokenPool(token);
        PoolState memory pool = reader.rawPool(poolId);
        uint256 supply;
        if (epoch == pool.epoch) {
            backing = pool.active > pool.debt ? pool.active - pool.debt : 0;
            supply = pool.supply;
        } else {
            ClosedEpoch memory c = reader.closedEpoch(poolId, epoch);
            (backing, supply) = (c.remaining, c.supply);
        }
        if (supply == 0) return (0, backing);
        address[] memory actors = handler.actors();
        for (uint256 i; i < actors.length; ++i) {
            claims += Math.mulDiv(ICoverToken(token).balanceOf(actors[i]), backing, supply);
        }
    }

    // =====================================================================================================
    // Cover tokens and shares
    // =====================================================================================================

    /// Each cover token's totalSupply equals the pool's mirror (or the closed epoch's), only actors hold it (as its
    /// Transfer events say),
    /// an open epoch holds K = 0 exactly when its supply is 0 (a pending claim may leave K = 0 behind tokens until
    /// the ruling lapses them), and without a pending claim no open epoch sits below the lapse threshold.
    function invariant_cover_supplyMirrorsThePoolAndEmptyMeansZero() public view alsoHandlerFindings {
        address[] memory tokens = handler.coverTokens();
        address[] memory actors = handler.actors();
        for (uint256 k; k < tokens.length; ++k) {
            ICoverToken t = ICoverToken(tokens[k]);
            (uint256 poolId, uint256 epoch) = handler.tokenPool(address(t));
            PoolState memory pool = reader.rawPool(poolId);
            uint256 mirror = epoch == pool.epoch ? pool.supply : reader.closedEpoch(poolId, epoch).supply;
            assertEq(t.totalSupply(), mirror, "cover totalSupply != mirror");
            uint256 held;
            for (uint256 i; i < actors.length; ++i) {
                uint256 balance = t.balanceOf(actors[i]);
                assertEq(handler.ghostCoverBalance(address(t), actors[i]), balance, "Transfer events != balance");
                held += balance;
            }
            assertEq(held, t.totalSupply(), "cover held outside the actors");
        }
        for (uint256 i; i < poolCount(); ++i) {
            PoolState memory pool = reader.rawPool(i);
            if (pool.supply == 0) assertEq(pool.active, 0, "K > 0 with no tokens");
            if (pool.claimId == 0 && pool.supply != 0) {
                assertGe(pool.active * DUST_RATIO, pool.supply, "open epoch below the lapse threshold");
            }
            if (pool.supply != 0) assertTrue(pool.token != address(0), "tokens without a token");
            if (pool.claimId == 0) assertEq(pool.debt, 0, "debt without a pending claim");
        }
    }

    /// The packed state the one-pass sync reads and writes by hand agrees with the declared fields, and the caches
    /// it relies on hold: a pool's claim flag is set exactly while it has a pending claim (and without one its debt
    /// is 0), its lapse hint bounds `ceil(supply / 1e9)` from above (exactly below 2^50), and `queued` says whether
    /// purchases wait in the queue.
    function invariant_storage_packedStateAndCachesAgreeWithTheBooks() public view alsoHandlerFindings {
        assertTrue(reader.packedSlotsMatchDeclarations(), "hand-packed slots != declared fields");
        RawState memory s = reader.rawState();
        assertEq(s.queued, s.queueHead < s.nextPurchaseId, "queued flag");
        for (uint256 i; i < poolCount(); ++i) {
            PoolState memory pool = reader.rawPool(i);
            assertEq(pool.claimPending, pool.claimId != 0, "claim flag != pending claim");
            if (!pool.claimPending) assertEq(pool.debt, 0, "debt without a pending claim");
            uint256 threshold = pool.supply == 0 ? 0 : (pool.supply - 1) / DUST_RATIO + 1;
            uint256 bound = LapseHint.decode(pool.lapseHint);
            assertGe(bound, threshold, "lapse hint below the threshold");
            if (threshold < 2 ** 50) assertEq(bound, threshold, "lapse hint not exact");
        }
    }

    /// Share balances (holders and the MetaPool's custody of requested shares) never exceed totalSupply, and
    /// equal it while no share epoch has closed; requests never claim more than the custody holds.
    function invariant_shares_balancesNeverExceedTotalSupply() public view alsoHandlerFindings {
        RawState memory s = reader.rawState();
        address[] memory actors = handler.actors();
        uint256 custody = reader.balanceOf(mp);
        uint256 sum = custody;
        for (uint256 i; i < actors.length; ++i) {
            sum += reader.balanceOf(actors[i]);
        }
        assertEq(reader.totalSupply(), s.shareSupply, "totalSupply != stored supply");
        assertLe(sum, s.shareSupply, "share balances > totalSupply");
        if (s.shareEpoch == 0) assertEq(sum, s.shareSupply, "share balances != totalSupply");
        WithdrawalRequest[] memory requests = reader.rawRequests(handler.requestIds());
        uint256 requested;
        for (uint256 k; k < requests.length; ++k) {
            requested += requests[k].shares;
        }
        assertLe(requested, custody, "requests > custody");
    }

    /// SPEC §3 (4): no supply can overflow.
    function invariant_supplies_stayBounded() public view alsoHandlerFindings {
        RawState memory s = reader.rawState();
        assertLt(s.shareSupply, SUPPLY_BOUND, "share supply unbounded");
        assertLe(s.capital, type(uint128).max, "capital");
        address[] memory tokens = handler.coverTokens();
        for (uint256 k; k < tokens.length; ++k) {
            assertLt(ICoverToken(tokens[k]).totalSupply(), SUPPLY_BOUND, "cover supply unbounded");
        }
    }

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

    /// No action reverted with an error its preconditions rule out (a panic above all).
    function invariant_handler_noUnexpectedReverts() public view alsoHandlerFindings {
        assertEq(handler.ghostUnexpectedReverts(), 0, handler.firstUnexpected());
    }

    /// Every action paid, minted or returned exactly what its preview view showed just before it (deposit,
    /// request, the min rule, cancel, refund, withdrawProtection, redeemPayout, claimFees, exit).
    function invariant_previews_everyActionPaidWhatItsPreviewShowed() public view alsoHandlerFindings {
        assertEq(handler.ghostBrokenPreviews(), 0, handler.firstBrokenPreview());
    }

    /// SPEC §5 (revision 4): a purchase frozen by a claim never becomes cover earlier than `purchaseDelay` after the
    /// ruling that ended the freeze, and a recycled full-capacity reservation never stops another buyer.
    function invariant_attacks_frozenPurchasesRestartTheirDelay_andReservationsBlockNoBuyer()
        public
        view
        alsoHandlerFindings
    {
        assertEq(handler.ghostEarlyFrozenMaturities(), 0, handler.firstEarlyFrozenMaturity());
        assertEq(handler.ghostBlockedBuyers(), 0, "a capacity hog stopped another buyer");
    }

    function invariant_callSummary() public view {
        handler.callSummary();
    }

    function _liabilities(RawState memory s) internal pure returns (uint256) {
        return
            s.capital + s.totalActive + s.totalPending + s.owedTotal + s.bondsHeld + s.redeemableTotal + s.refundsOwed;
    }
}

/// @notice Three coverage pools, an 18-decimal asset, uncapped payouts (the SPEC §9 market).
contract MetaPoolInvariants3Pools18DecTest is MetaPoolInvariantTest {
    function poolCount() internal pure override returns (uint256) {
        return 3;
    }

    function assetDecimals() internal pure override returns (uint8) {
        return 18;
    }
}

/// @notice Sixteen coverage pools (the maximum), a 6-decimal asset, payouts capped at twice the cover (uncapped,
/// every one of sixteen pools would pay premium on the whole free capital and lapse within hours).
contract MetaPoolInvariants16PoolsCapped6DecTest is MetaPoolInvariantTest {
    function poolCount() internal pure override returns (uint256) {
        return 16;
    }

    function assetDecimals() internal pure override returns (uint8) {
        return 6;
    }

    function payoutMultiple() internal pure override returns (uint16) {
        return 2;
    }
}

/// @notice One coverage pool, a 6-decimal asset, uncapped payouts: every valid claim takes all the capital (and
/// the claim's premium debt leaves dust), so share epochs close again and again (SPEC §4, §9 example 8).
contract MetaPoolInvariants1Pool6DecTest is MetaPoolInvariantTest {
    function poolCount() internal pure override returns (uint256) {
        return 1;
    }

    function assetDecimals() internal pure override returns (uint8) {
        return 6;
    }
}
