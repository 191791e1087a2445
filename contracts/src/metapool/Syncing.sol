// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {FundingCurve, Purchase, PurchaseStatus} from "../interfaces/MetaPoolTypes.sol";
import {ConfigArgs} from "../lib/ConfigArgs.sol";
import {FundingRate} from "../lib/FundingRate.sol";
import {LapseHint} from "../lib/LapseHint.sol";
import {Payout} from "../lib/Payout.sol";
import {PoolAccrual} from "../lib/PoolAccrual.sol";
import {Premium} from "../lib/Premium.sol";
import {CoverEpochs} from "./CoverEpochs.sol";
import {PoolState} from "./MetaPoolStorage.sol";

/// @notice `sync` (SPEC §6): premium accrual, maturing of due purchases, lapse.
/// The whole sync runs on a memory copy of the hot state. State-changing calls persist it (`_sync`);
/// views run the very same code with `persist = false` to project the state to now (`_project`).
/// Gas: a sync reads and writes two global slots (C and ΣK; the time, flags and fee balances) and one slot per
/// pool (K, accumulator, lapse hint, claim flag). A pool's supply and debt are read only when it may lapse, has a
/// pending claim or matures a purchase; the queue only when purchases are queued; the configuration comes from
/// the clone's immutable args.
abstract contract Syncing is CoverEpochs {
    struct PoolMem {
        uint256 active;
        uint256 credit;
        uint256 hint; // LapseHint of `supply` (slot 0)
        bool claimPending;
        bool cold; // `supply` and `debt` (slot 1) have been read
        uint256 supply;
        uint256 debt;
        uint256 speed;
        uint256 pendingOut; // R that left the pool by maturing during this sync
        uint256 lapses; // epochs closed during this sync (views use it to show the next epoch)
        uint256 openedAt; // set when this sync opens the pool's epoch
        uint256 lapsedRemainder; // the last lapse's redeemable dust and token supply (views)
        uint256 lapsedSupply;
        bool dirty;
        bool coldDirty; // supply or debt changed (slot 1 is written only then)
    }

    struct SyncMem {
        bool persist;
        bool changed;
        bool shutDown;
        bool queued; // purchases were queued when the sync began (`head` is loaded)
        uint256 capital;
        uint256 totalActive;
        uint256 time;
        uint256 head;
        FundingCurve curve;
        uint256 payoutMultiple;
        uint256 arbiterFeeBps;
        uint256 creatorFeeBps;
        uint256 premiumToCapital;
        uint256 arbiterFees;
        uint256 creatorFees;
        uint256 redeemableAdded;
        uint256 refundsAdded;
        uint256 dueLeft; // due purchases this sync could not process
        PoolMem[] pools;
    }

    /// @notice What one accrual segment shares across pools: its length and the fixed configuration, and what it
    /// charged so far.
    struct Segment {
        uint256 dt;
        FundingCurve curve;
        uint256 payoutMultiple;
        uint256 arbiterFeeBps;
        uint256 creatorFeeBps;
        uint256 charged; // premium taken from K
        uint256 arbiterFees;
        uint256 creatorFees;
        uint256 lapsed; // K that left with lapsed epochs (redeemable dust)
    }

    uint256 private constant U128 = type(uint128).max;

    /// @dev Brings the stored state to now. Reverts `SyncRequired` when more than 16 purchases are due. This general
    /// path goes through the memory copy every time; `MetaPool` overrides it with `_syncPreferringStored`.
    function _sync() internal virtual {
        if (_lastSyncAt != block.timestamp || _hasDuePurchase()) _syncThroughMemory(MAX_BATCH, true);
    }

    /// @dev `_sync`, in one pass over the stored pools (`_accrueStored`) when nothing is due. The core facet's
    /// actions, whose gas matters most, sync this way; the extension's few syncing actions keep the general path,
    /// which keeps its bytecode small. Both leave exactly the same state.
    function _syncPreferringStored() internal {
        uint256 clock = _clock();
        // Purchases are due only if some are queued (the flag saves the queue's slot otherwise).
        if (_clockQueued(clock) && _hasDuePurchase()) {
            _syncThroughMemory(MAX_BATCH, true);
        } else if (_clockTime(clock) != block.timestamp) {
            _accrueStored(clock);
        }
    }

    /// @dev Processes at most `maxItems` due purchases; if more are due, accrues only to the last maturity.
    function _syncBatch(uint256 maxItems) internal returns (uint256 remaining) {
        uint256 clock = _clock();
        if (_clockQueued(clock) && _hasDuePurchase()) return _syncThroughMemory(maxItems, false);
        if (_clockTime(clock) != block.timestamp) _accrueStored(clock);
        return 0;
    }

    /// @dev The general path: load, run and store the memory copy. With `strict`, due purchases left over revert.
    function _syncThroughMemory(uint256 maxItems, bool strict) private returns (uint256 dueLeft) {
        SyncMem memory m = _loadSync(true);
        _runSync(m, maxItems);
        dueLeft = m.dueLeft;
        if (strict && dueLeft != 0) revert SyncRequired(dueLeft);
        _storeSync(m);
    }

    /// @dev A sync with nothing to mature (the common case): SPEC §6 steps 1 and 3 in one pass over the stored
    /// pools, without the memory copy. Each pool's speed comes from the state as the sync began (its own K and the
    /// free capital before any charge), exactly as `_fixSpeeds` then `_accrueTo` compute it, through the same
    /// helpers (`_speedOf`, `_charge`, `_mayLapse`); the invariant suites check every such sync against the
    /// projection the views make with the general path.
    function _accrueStored(uint256 clock) private {
        (uint256 curve, uint256 settings) = ConfigArgs.curveAndSettings();
        // The two global slots a sync reads and writes, each read once (`clock` by the caller) and written once.
        uint256 books = _books();
        uint256 capital = uint128(books);
        uint256 totalActive = books >> 128;
        Segment memory g = Segment({
            dt: block.timestamp - _clockTime(clock),
            curve: _curveOf(curve),
            payoutMultiple: uint16(settings >> 200),
            arbiterFeeBps: uint16(settings >> 232),
            creatorFeeBps: uint16(settings >> 216),
            charged: 0,
            arbiterFees: 0,
            creatorFees: 0,
            lapsed: 0
        });
        uint256 n = settings >> 248;
        // After shutdown no pool pays premium (`free` = max marks it).
        uint256 free = _clockShutDown(clock) ? type(uint256).max : capital > totalActive ? capital - totalActive : 0;
        uint256[] memory log = new uint256[](7 + n);
        for (uint256 i; i < n; ++i) {
            (uint256 active, uint256 debt) = _accrueStoredPool(i, free, g);
            uint256 item = active | (debt << 128);
            assembly ("memory-safe") {
                mstore(add(log, shl(5, add(8, i))), item) // log[7 + i], in bounds by construction
            }
        }
        // What capital gained: every charge less its fees.
        uint256 toCapital = g.charged - g.arbiterFees - g.creatorFees;
        capital += toCapital;
        totalActive -= g.charged + g.lapsed;
        (uint256 arbiterFees, uint256 creatorFees) = _clockFees(clock);
        (arbiterFees, creatorFees) = _spillFees(arbiterFees + g.arbiterFees, creatorFees + g.creatorFees);
        _storeSyncSlots(capital, totalActive, clock, arbiterFees, creatorFees);
        if (g.lapsed != 0) _redeemableTotal += uint128(g.lapsed);
        _logSynced(log, block.timestamp, capital, toCapital, g.arbiterFees, g.creatorFees);
    }

    /// @dev One pool of `_accrueStored`: accrues its speed over the segment, charges (or books as claim debt),
    /// lapses if it must, and writes the pool back. Returns its K and claim debt after.
    function _accrueStoredPool(uint256 poolId, uint256 free, Segment memory g)
        private
        returns (uint256 active, uint256 debt)
    {
        PoolState storage s = _pools[poolId];
        uint256 hot;
        assembly ("memory-safe") {
            hot := sload(s.slot)
        }
        active = hot & U128;
        bool claimPending = hot >> 248 != 0;
        if (claimPending) debt = s.debt; // in the log
        if (active == 0 || free == type(uint256).max) return (active, debt);
        (uint256 increase, uint256 credit) =
            PoolAccrual.accrue(active, free, uint64(hot >> 128), g.dt, g.curve, g.payoutMultiple);
        if (claimPending) {
            // Not charged while the pool's claim is pending; the ruling charges it.
            if (increase != 0) {
                debt += increase;
                s.debt = uint128(debt);
            }
        } else if (increase != 0) {
            active = _charge(g, active, increase);
            if (_mayLapse(active, hot)) {
                uint256 supply = s.supply;
                if (active * DUST_RATIO < supply) {
                    _closeCoverEpoch(poolId, active, supply, true);
                    g.lapsed += active;
                    return (0, 0);
                }
            }
        }
        // Slot 0 with the new K and accumulator; the lapse hint and the claim flag are unchanged.
        hot = active | (credit << 128) | ((hot >> 192) << 192);
        assembly ("memory-safe") {
            sstore(s.slot, hot)
        }
    }

    /// @dev The state as a sync now would leave it, without writing anything.
    function _project() internal view returns (SyncMem memory m) {
        m = _loadSync(false);
        _asView(_runSync)(m, MAX_BATCH);
    }

    /// @dev Views run the sync with `persist == false`, which never writes; the cast lets them call it.
    function _asView(function(SyncMem memory, uint256) internal fn)
        private
        pure
        returns (function(SyncMem memory, uint256) internal view viewFn)
    {
        assembly ("memory-safe") {
            viewFn := fn
        }
    }

    function _hasDuePurchase() internal view returns (bool) {
        if (!_queued || _shutDown || _pendingClaims != 0) return false;
        return _maturityOf(_purchases[_queueHead].maturesAt) <= block.timestamp;
    }

    function _loadSync(bool persist) internal view returns (SyncMem memory m) {
        uint256 settings = ConfigArgs.word(ConfigArgs.SETTINGS);
        uint256 n = settings >> 248;
        (m.arbiterFeeBps, m.creatorFeeBps, m.payoutMultiple) =
        (uint16(settings >> 232), uint16(settings >> 216), uint16(settings >> 200));
        m.curve = _curve();
        m.persist = persist;
        (m.capital, m.totalActive) = (_capital, _totalActive);
        (m.time, m.shutDown, m.queued) = (_lastSyncAt, _shutDown, _queued);
        if (m.queued || !persist) m.head = _queueHead;
        PoolMem[] memory pools = _newPools(n);
        for (uint256 i; i < n; ++i) {
            // Slot 0 in one read, unpacked (the layout of `PoolState`: active, creditWad, lapseHint, claimPending).
            PoolState storage s = _pools[i];
            uint256 hot;
            assembly ("memory-safe") {
                hot := sload(s.slot)
            }
            PoolMem memory p = PoolMem({
                active: hot & U128,
                credit: uint64(hot >> 128),
                hint: uint56(hot >> 192),
                claimPending: hot >> 248 != 0,
                cold: false,
                supply: 0,
                debt: 0,
                speed: 0,
                pendingOut: 0,
                lapses: 0,
                openedAt: 0,
                lapsedRemainder: 0,
                lapsedSupply: 0,
                dirty: false,
                coldDirty: false
            });
            pools[i] = p;
            // Views read everything up front; transactions read slot 1 only when they need it (a pending
            // claim's debt is in the `Synced` event, so it is read at once).
            if (!persist || p.claimPending) _loadCold(p, i);
        }
        m.pools = pools;
    }

    /// @dev An array of `n` pool pointers, each set by `_loadSync` before anything reads it (it allocates every
    /// `PoolMem` once, with its values, instead of zeroing it first).
    function _newPools(uint256 n) private pure returns (PoolMem[] memory pools) {
        assembly ("memory-safe") {
            pools := mload(0x40)
            mstore(pools, n)
            mstore(0x40, add(pools, shl(5, add(n, 1))))
        }
    }

    /// @dev Slot 1 of pool `poolId` (supply, debt), read once.
    function _loadCold(PoolMem memory p, uint256 poolId) private view {
        if (p.cold) return;
        PoolState storage s = _pools[poolId];
        (p.supply, p.debt, p.cold) = (s.supply, s.debt, true);
    }

    function _runSync(SyncMem memory m, uint256 maxItems) internal {
        _fixSpeeds(m);
        if (m.queued && !m.shutDown && _pendingClaims == 0) {
            uint256 head = m.head;
            uint256 next = _nextPurchaseId;
            uint256 processed;
            while (head < next) {
                Purchase storage purchase = _purchases[head];
                uint256 at = _maturityOf(purchase.maturesAt);
                if (at > block.timestamp) break;
                if (processed == maxItems) {
                    m.dueLeft = _countDue(head, next);
                    break;
                }
                ++processed;
                ++head;
                // Skipped entries (taken back by their buyer during a freeze) count towards the batch.
                if (purchase.status != PurchaseStatus.Pending) continue;
                _accrueTo(m, at);
                _mature(m, head - 1, purchase, at);
                _fixSpeeds(m);
            }
            m.head = head;
        }
        // A batch cut short ends at its last maturity time, so the next batch continues exactly.
        if (m.dueLeft == 0) _accrueTo(m, block.timestamp);
    }

    /// @dev Step 1 of SPEC §6: each pool's premium speed `r(u_i) * P_i` from the current (memory) state.
    function _fixSpeeds(SyncMem memory m) internal pure {
        PoolMem[] memory pools = m.pools;
        uint256 n = pools.length;
        bool shutDown = m.shutDown;
        uint256 free = m.capital > m.totalActive ? m.capital - m.totalActive : 0;
        FundingCurve memory curve = m.curve;
        uint256 payoutMultiple = m.payoutMultiple;
        for (uint256 i; i < n; ++i) {
            PoolMem memory p = pools[i];
            uint256 active = p.active;
            if (shutDown || active == 0) {
                p.speed = 0;
                continue;
            }
            p.speed = _speedOf(active, free, curve, payoutMultiple);
        }
    }

    /// @dev A pool's premium speed `r(u) * P` (WAD-assets a year) for its K and the free capital.
    function _speedOf(uint256 active, uint256 free, FundingCurve memory curve, uint256 payoutMultiple)
        private
        pure
        returns (uint256)
    {
        uint256 rate = FundingRate.rate(curve, FundingRate.utilisation(active, free));
        uint256 payout = Payout.payout(active, free, payoutMultiple);
        // Cannot wrap: a rate is below 2^67 (at most 10e18 + 2^64) and a payout below 2^130.
        unchecked {
            return rate * payout;
        }
    }

    /// @dev Whether a pool whose slot 0 is `hot` may lapse at K = `active`; when true, the caller decides exactly
    /// from the supply (see LapseHint: false proves it cannot).
    function _mayLapse(uint256 active, uint256 hot) private pure returns (bool) {
        return active < LapseHint.decode(uint56(hot >> 192));
    }

    /// @dev Charges `increase` of premium to a pool holding `active` (premium beyond K is forgiven) and books the
    /// split into the segment's totals. Returns K after.
    function _charge(Segment memory g, uint256 active, uint256 increase) private pure returns (uint256) {
        uint256 charge = increase < active ? increase : active;
        (, uint256 arbiterFee, uint256 creatorFee) = Premium.split(charge, g.arbiterFeeBps, g.creatorFeeBps);
        // Cannot wrap: a sync charges at most ΣK (below 2^128). Capital's part is added up at the end.
        unchecked {
            g.charged += charge;
            g.arbiterFees += arbiterFee;
            g.creatorFees += creatorFee;
            return active - charge;
        }
    }

    /// @dev Accrues every pool from `m.time` to `t` at the fixed speeds; charges, or books as claim debt.
    function _accrueTo(SyncMem memory m, uint256 t) internal {
        if (t <= m.time) return;
        uint256 dt = t - m.time;
        m.time = t;
        m.changed = true;
        PoolMem[] memory pools = m.pools;
        uint256 n = pools.length;
        uint256 charged; // this segment's premium charged, at most ΣK
        for (uint256 i; i < n; ++i) {
            PoolMem memory p = pools[i];
            uint256 speed = p.speed;
            if (speed == 0) continue;
            (uint256 increase, uint256 credit) = Premium.accrue(p.credit, speed, dt);
            p.credit = credit;
            p.dirty = true;
            if (increase == 0) continue;
            if (p.claimPending) {
                // Not charged while the pool's claim is pending; the ruling charges it.
                p.debt += increase;
                p.coldDirty = true;
                continue;
            }
            // Premium beyond K is forgiven.
            uint256 active = p.active;
            uint256 charge = increase < active ? increase : active;
            unchecked {
                active -= charge;
                charged += charge;
            }
            p.active = active;
            _bookPremium(m, charge);
            // The hint proves most pools safe without reading the supply (see LapseHint).
            if (active < LapseHint.decode(p.hint)) {
                _loadCold(p, i);
                if (active * DUST_RATIO < p.supply) _lapse(m, i);
            }
        }
        m.totalActive -= charged;
    }

    /// @dev Splits a charged premium into the fees and capital.
    function _bookPremium(SyncMem memory m, uint256 amount) internal pure {
        (uint256 toCapital, uint256 arbiterFee, uint256 creatorFee) =
            Premium.split(amount, m.arbiterFeeBps, m.creatorFeeBps);
        // Cannot wrap: a sync charges at most ΣK (below 2^128) in each of at most 17 segments.
        unchecked {
            m.capital += toCapital;
            m.premiumToCapital += toCapital;
            m.arbiterFees += arbiterFee;
            m.creatorFees += creatorFee;
        }
    }

    /// @dev Premium took K below 1e-9 of the epoch's 1:1 value: the epoch closes; holders redeem the dust.
    function _lapse(SyncMem memory m, uint256 poolId) internal {
        PoolMem memory p = m.pools[poolId];
        m.totalActive -= p.active;
        m.redeemableAdded += p.active;
        if (m.persist) _closeCoverEpoch(poolId, p.active, p.supply, true);
        ++p.lapses;
        p.lapsedRemainder = p.active;
        p.lapsedSupply = p.supply;
        p.active = 0;
        p.supply = 0;
        p.hint = 0;
        p.credit = 0;
        p.debt = 0;
        p.speed = 0;
        p.openedAt = 0;
        p.dirty = true;
        p.coldDirty = true;
    }

    /// @dev Turns a due purchase into cover up to the free capital now; the rest becomes refundable.
    function _mature(SyncMem memory m, uint256 purchaseId, Purchase storage purchase, uint256 at) internal {
        uint256 poolId = purchase.poolId;
        uint256 amount = purchase.amount;
        PoolMem memory p = m.pools[poolId];
        _loadCold(p, poolId);
        p.pendingOut += amount;
        p.dirty = true;
        m.changed = true;

        uint256 free = m.capital > m.totalActive ? m.capital - m.totalActive : 0;
        uint256 accepted = amount < free ? amount : free;
        // Tokens mint at supply / K, rounded down (1:1 when the epoch opens). A mint of 0 tokens, or of more than
        // the uint128 supply can hold (K far below the supply after premium), is refused and refunded instead.
        uint256 tokens = p.supply == 0 ? accepted : accepted * p.supply / p.active;
        if (tokens == 0 || p.supply + tokens > U128) (accepted, tokens) = (0, 0);
        m.refundsAdded += amount - accepted;
        bool opens = accepted != 0 && p.supply == 0;
        if (accepted != 0) {
            if (opens) p.openedAt = at;
            p.active += accepted;
            p.supply += tokens;
            p.hint = LapseHint.encode(p.supply);
            p.coldDirty = true;
            m.totalActive += accepted;
        }
        if (!m.persist) return;

        PoolState storage pool = _pools[poolId];
        pool.pending -= uint128(amount);
        purchase.status = PurchaseStatus.Matured;
        purchase.maturesAt = uint40(at); // the effective time (a restarted delay), in the slot written anyway
        purchase.accepted = uint128(accepted);
        if (accepted != 0) {
            address token = opens ? _openCoverEpoch(poolId, at) : pool.token;
            address receiver = purchase.receiver == address(0) ? purchase.buyer : purchase.receiver;
            _mintCover(token, receiver, tokens);
        }
        emit PurchaseMatured(purchaseId, uint8(poolId), pool.epoch, accepted, tokens, uint40(at), p.active, p.supply);
    }

    /// @dev Due purchases in [head, next): maturity times are sorted, so binary search.
    function _countDue(uint256 head, uint256 next) internal view returns (uint256) {
        uint256 lo = head;
        uint256 hi = next;
        while (lo < hi) {
            uint256 mid = (lo + hi) / 2;
            if (_maturityOf(_purchases[mid].maturesAt) <= block.timestamp) lo = mid + 1;
            else hi = mid;
        }
        return lo - head;
    }

    function _storeSync(SyncMem memory m) internal {
        PoolMem[] memory pools = m.pools;
        uint256 n = pools.length;
        // The `Synced` log (see `_logSynced`), its pool items written while the pools are stored.
        uint256[] memory log = new uint256[](7 + n);
        for (uint256 i; i < n; ++i) {
            PoolMem memory p = pools[i];
            (uint256 active, uint256 debt) = (p.active, p.debt);
            uint256 item = active | (debt << 128);
            assembly ("memory-safe") {
                mstore(add(log, shl(5, add(8, i))), item) // log[7 + i], in bounds by construction
            }
            if (!p.dirty) continue;
            PoolState storage s = _pools[i];
            // One write for the whole of slot 0 (the layout of `PoolState`, lowest-order member first).
            uint256 hot = active | (p.credit << 128) | (p.hint << 192) | (p.claimPending ? 1 << 248 : 0);
            assembly ("memory-safe") {
                sstore(s.slot, hot)
            }
            if (p.coldDirty) (s.supply, s.debt) = (uint128(p.supply), uint128(debt));
        }
        (_capital, _totalActive) = (uint128(m.capital), uint128(m.totalActive));
        _lastSyncAt = uint40(m.time);
        if (m.queued && m.head != _queueHead) {
            _queueHead = uint64(m.head);
            _queued = m.head < _nextPurchaseId;
        }
        if (m.arbiterFees != 0 || m.creatorFees != 0) _addFees(m.arbiterFees, m.creatorFees);
        if (m.redeemableAdded != 0) _redeemableTotal += uint128(m.redeemableAdded);
        if (m.refundsAdded != 0) _refundsOwed += uint128(m.refundsAdded);
        if (m.changed) _logSynced(log, m.time, m.capital, m.premiumToCapital, m.arbiterFees, m.creatorFees);
    }

    /// @dev Emits `Synced(time, capital, pools, premiumToCapital, arbiterFees, creatorFees)` from `log`, whose pool
    /// items (`K | debt << 128`) the caller wrote: the ABI encoding by hand, 6 head words (one of them the offset of
    /// the array), then the array's length and its n items.
    function _logSynced(
        uint256[] memory log,
        uint256 time,
        uint256 capital,
        uint256 premiumToCapital,
        uint256 arbiterFees,
        uint256 creatorFees
    ) private {
        bytes32 topic = Synced.selector;
        assembly ("memory-safe") {
            let size := shl(5, mload(log)) // (7 + n) words
            let data := add(log, 32)
            mstore(data, time)
            mstore(add(data, 0x20), capital)
            mstore(add(data, 0x40), 0xc0) // offset of `pools`: 6 words
            mstore(add(data, 0x60), premiumToCapital)
            mstore(add(data, 0x80), arbiterFees)
            mstore(add(data, 0xa0), creatorFees)
            mstore(add(data, 0xc0), sub(mload(log), 7)) // pools.length
            log1(data, size, topic)
        }
    }
}
