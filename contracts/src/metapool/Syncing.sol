// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Purchase, PurchaseStatus} from "../interfaces/MetaPoolTypes.sol";
import {FundingRate} from "../lib/FundingRate.sol";
import {Payout} from "../lib/Payout.sol";
import {Premium} from "../lib/Premium.sol";
import {CoverEpochs} from "./CoverEpochs.sol";
import {PoolState} from "./MetaPoolStorage.sol";

/// @notice `sync` (SPEC §6): premium accrual, maturing of due purchases, lapse.
/// The whole sync runs on a memory copy of the hot state. State-changing calls persist it (`_sync`);
/// views run the very same code with `persist = false` to project the state to now (`_project`).
abstract contract Syncing is CoverEpochs {
    struct PoolMem {
        uint256 active;
        uint256 supply;
        uint256 credit;
        uint256 debt;
        uint256 claimId;
        uint256 speed;
        uint256 pendingOut; // R that left the pool by maturing during this sync
        uint256 lapses; // epochs closed during this sync (views use it to show the next epoch)
        uint256 openedAt; // set when this sync opens the pool's epoch
        uint256 lapsedRemainder; // the last lapse's redeemable dust and token supply (views)
        uint256 lapsedSupply;
        bool dirty;
        bool slot1Dirty; // supply or debt changed (slot 1 is written only then)
    }

    struct SyncMem {
        bool persist;
        bool changed;
        uint256 capital;
        uint256 totalActive;
        uint256 totalPending;
        uint256 time;
        uint256 head;
        uint256 premiumToCapital;
        uint256 arbiterFees;
        uint256 creatorFees;
        uint256 redeemableAdded;
        uint256 refundsAdded;
        uint256 dueLeft; // due purchases this sync could not process
        PoolMem[] pools;
    }

    /// @dev Brings the stored state to now. Reverts `SyncRequired` when more than 16 purchases are due.
    function _sync() internal {
        if (_lastSyncAt == block.timestamp && !_hasDuePurchase()) return;
        SyncMem memory m = _loadSync(true);
        _runSync(m, MAX_BATCH);
        if (m.dueLeft != 0) revert SyncRequired(m.dueLeft);
        _storeSync(m);
    }

    /// @dev Processes at most `maxItems` due purchases; if more are due, accrues only to the last maturity.
    function _syncBatch(uint256 maxItems) internal returns (uint256 remaining) {
        if (_lastSyncAt == block.timestamp && !_hasDuePurchase()) return 0;
        SyncMem memory m = _loadSync(true);
        _runSync(m, maxItems);
        _storeSync(m);
        return m.dueLeft;
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
        if (_shutDown || _pendingClaims != 0) return false;
        uint256 head = _queueHead;
        return head < _nextPurchaseId && _maturityOf(_purchases[head].maturesAt) <= block.timestamp;
    }

    function _loadSync(bool persist) internal view returns (SyncMem memory m) {
        uint256 n = _config.poolCount;
        m.persist = persist;
        m.capital = _capital;
        m.totalActive = _totalActive;
        m.totalPending = _totalPending;
        m.time = _lastSyncAt;
        m.head = _queueHead;
        m.pools = new PoolMem[](n);
        for (uint256 i; i < n; ++i) {
            PoolState storage s = _pools[i];
            PoolMem memory p = m.pools[i];
            p.active = s.active;
            p.supply = s.supply;
            p.credit = s.creditWad;
            p.claimId = s.claimId;
            p.debt = s.debt;
        }
    }

    function _runSync(SyncMem memory m, uint256 maxItems) internal {
        _fixSpeeds(m);
        if (!_shutDown && _pendingClaims == 0) {
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
    function _fixSpeeds(SyncMem memory m) internal view {
        uint256 n = m.pools.length;
        if (_shutDown) {
            for (uint256 i; i < n; ++i) {
                m.pools[i].speed = 0;
            }
            return;
        }
        uint256 free = m.capital > m.totalActive ? m.capital - m.totalActive : 0;
        for (uint256 i; i < n; ++i) {
            PoolMem memory p = m.pools[i];
            p.speed = p.active == 0 ? 0 : _speed(p.active, free);
        }
    }

    function _speed(uint256 active, uint256 free) internal view returns (uint256) {
        uint256 r = FundingRate.rate(_config.curve, FundingRate.utilisation(active, free));
        return r * Payout.payout(active, free, _config.payoutMultiple);
    }

    /// @dev Accrues every pool from `m.time` to `t` at the fixed speeds; charges, or books as claim debt.
    function _accrueTo(SyncMem memory m, uint256 t) internal {
        if (t <= m.time) return;
        uint256 dt = t - m.time;
        m.time = t;
        m.changed = true;
        uint256 n = m.pools.length;
        for (uint256 i; i < n; ++i) {
            PoolMem memory p = m.pools[i];
            if (p.speed == 0) continue;
            (uint256 increase, uint256 credit) = Premium.accrue(p.credit, p.speed, dt);
            p.credit = credit;
            p.dirty = true;
            if (increase == 0) continue;
            if (p.claimId != 0) {
                // Not charged while the pool's claim is pending; the ruling charges it.
                p.debt += increase;
                p.slot1Dirty = true;
                continue;
            }
            // Premium beyond K is forgiven.
            uint256 charge = increase < p.active ? increase : p.active;
            p.active -= charge;
            m.totalActive -= charge;
            _bookPremium(m, charge);
            if (p.active * DUST_RATIO < p.supply) _lapse(m, i);
        }
    }

    /// @dev Splits a charged premium into the fees and capital.
    function _bookPremium(SyncMem memory m, uint256 amount) internal view {
        (uint256 toCapital, uint256 arbiterFee, uint256 creatorFee) =
            Premium.split(amount, _config.arbiterFeeBps, _config.creatorFeeBps);
        m.capital += toCapital;
        m.premiumToCapital += toCapital;
        m.arbiterFees += arbiterFee;
        m.creatorFees += creatorFee;
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
        p.credit = 0;
        p.debt = 0;
        p.speed = 0;
        p.openedAt = 0;
        p.dirty = true;
        p.slot1Dirty = true;
    }

    /// @dev Turns a due purchase into cover up to the free capital now; the rest becomes refundable.
    function _mature(SyncMem memory m, uint256 purchaseId, Purchase storage purchase, uint256 at) internal {
        uint256 poolId = purchase.poolId;
        uint256 amount = purchase.amount;
        PoolMem memory p = m.pools[poolId];
        m.totalPending -= amount;
        p.pendingOut += amount;
        p.dirty = true;
        m.changed = true;

        uint256 free = m.capital > m.totalActive ? m.capital - m.totalActive : 0;
        uint256 accepted = amount < free ? amount : free;
        // Tokens mint at supply / K, rounded down (1:1 when the epoch opens). A mint of 0 tokens, or of more than
        // the uint128 supply can hold (K far below the supply after premium), is refused and refunded instead.
        uint256 tokens = p.supply == 0 ? accepted : accepted * p.supply / p.active;
        if (tokens == 0 || p.supply + tokens > type(uint128).max) (accepted, tokens) = (0, 0);
        m.refundsAdded += amount - accepted;
        bool opens = accepted != 0 && p.supply == 0;
        if (accepted != 0) {
            if (opens) p.openedAt = at;
            p.active += accepted;
            p.supply += tokens;
            p.slot1Dirty = true;
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
        uint256 n = m.pools.length;
        for (uint256 i; i < n; ++i) {
            PoolMem memory p = m.pools[i];
            if (!p.dirty) continue;
            PoolState storage s = _pools[i];
            s.active = uint128(p.active);
            s.creditWad = uint64(p.credit);
            if (p.slot1Dirty) {
                s.supply = uint128(p.supply);
                s.debt = uint128(p.debt);
            }
        }
        _capital = uint128(m.capital);
        _totalActive = uint128(m.totalActive);
        _totalPending = uint128(m.totalPending);
        _lastSyncAt = uint40(m.time);
        _queueHead = uint64(m.head);
        uint256 fees = m.arbiterFees + m.creatorFees;
        if (fees != 0) {
            _owed[_config.arbiter] += m.arbiterFees;
            _owed[_config.creator] += m.creatorFees;
            _owedTotal += fees;
        }
        if (m.redeemableAdded != 0) _redeemableTotal += m.redeemableAdded;
        if (m.refundsAdded != 0) _refundsOwed += m.refundsAdded;
        if (m.changed) {
            uint256[] memory active = new uint256[](n);
            uint256[] memory debt = new uint256[](n);
            for (uint256 i; i < n; ++i) {
                active[i] = m.pools[i].active;
                debt[i] = m.pools[i].debt;
            }
            emit Synced(uint40(m.time), m.capital, active, debt, m.premiumToCapital, m.arbiterFees, m.creatorFees);
        }
    }
}
