// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPoolExtension} from "../../src/MetaPoolExtension.sol";
import {Claim, ClosedEpoch, Purchase, WithdrawalRequest} from "../../src/interfaces/MetaPoolTypes.sol";
import {PoolState, ShareBalance} from "../../src/metapool/MetaPoolStorage.sol";

/// @notice The stored (not projected) accounting of a MetaPool, as the invariant tests read it.
struct RawState {
    uint256 capital;
    uint256 totalActive;
    uint256 totalPending;
    uint256 lastSyncAt;
    uint256 freezeEndedAt;
    uint256 lastRulingAt;
    bool shutDown;
    uint256 queueHead;
    uint256 nextPurchaseId;
    uint256 voidedBefore;
    uint256 nextRequestId;
    uint256 claimHead;
    uint256 nextClaimId;
    uint256 pendingClaims;
    uint256 owedTotal;
    uint256 bondsHeld;
    uint256 redeemableTotal;
    uint256 refundsOwed;
    uint32 shareEpoch;
    uint256 shareSupply;
    bool hasDuePurchase;
    bool queued;
}

/// @notice The real extension facet plus read-only getters of the raw storage. The invariant suites deploy
/// their factory with it so they can check the books exactly as stored (every other view projects to now).
/// It adds views only: every inherited function is the production code.
contract MetaPoolReaderExtension is MetaPoolExtension {
    function rawState() external view returns (RawState memory s) {
        s.capital = _capital;
        s.totalActive = _totalActive;
        // Σ R is not stored: the pools' R added up (the invariants check each R against the live purchases).
        for (uint256 i; i < _poolCount(); ++i) {
            s.totalPending += _pools[i].pending;
        }
        s.lastSyncAt = _lastSyncAt;
        s.freezeEndedAt = _freezeEndedAt;
        s.lastRulingAt = _lastRulingAt;
        s.shutDown = _shutDown;
        s.queueHead = _queueHead;
        s.nextPurchaseId = _nextPurchaseId;
        s.voidedBefore = _voidedBefore;
        s.nextRequestId = _nextRequestId;
        s.claimHead = _claimHead;
        s.nextClaimId = _nextClaimId;
        s.pendingClaims = _pendingClaims;
        // Fees (one slot) and returned bonds (per account), as `liabilities()` adds them.
        s.owedTotal = _owedTotal + uint256(_arbiterFees) + _creatorFees;
        s.bondsHeld = _bondsHeld;
        s.redeemableTotal = _redeemableTotal;
        s.refundsOwed = _refundsOwed;
        s.shareEpoch = _shareEpoch;
        s.shareSupply = _shareSupply;
        s.hasDuePurchase = _hasDuePurchase();
        s.queued = _queued;
    }

    /// @notice Whether the words the one-pass sync reads and writes by hand (the two global sync slots, each pool's
    /// slot 0) hold exactly what the declared state variables hold, field by field.
    function packedSlotsMatchDeclarations() external view returns (bool) {
        (uint256 books, uint256 clock) = (_books(), _clock());
        (uint256 arbiterFees, uint256 creatorFees) = _clockFees(clock);
        bool ok = uint128(books) == _capital && books >> 128 == _totalActive && _clockTime(clock) == _lastSyncAt
            && _clockShutDown(clock) == _shutDown && _clockQueued(clock) == _queued
            && uint8(clock >> 56) == _pendingClaims && uint48(clock >> 64) == _nextPurchaseId
            && arbiterFees == _arbiterFees && creatorFees == _creatorFees;
        for (uint256 i; i < MAX_POOLS; ++i) {
            PoolState storage s = _pools[i];
            uint256 hot;
            assembly ("memory-safe") {
                hot := sload(s.slot)
            }
            ok = ok && uint128(hot) == s.active && uint64(hot >> 128) == s.creditWad
                && uint56(hot >> 192) == s.lapseHint && (hot >> 248 != 0) == s.claimPending;
        }
        return ok;
    }

    function rawPool(uint256 poolId) external view returns (PoolState memory) {
        return _pools[poolId];
    }

    /// @notice What `claimFees` would pay `account` from the stored books: its returned bonds, plus the fee
    /// balance of each role it holds.
    function rawOwed(address account) external view returns (uint256 owed) {
        owed = _claimable(account);
    }

    /// @notice The fee balances as kept in the sync slot, and `account`'s `_owed` (returned bonds and fee balances
    /// moved out of that slot), apart.
    function rawFeeParts(address account)
        external
        view
        returns (uint256 arbiterFees, uint256 creatorFees, uint256 owed)
    {
        return (_arbiterFees, _creatorFees, _owed[account]);
    }

    function rawShareBalance(address account) external view returns (ShareBalance memory) {
        return _shareBalances[account];
    }

    // ----- batched reads for the invariant suites (one call instead of one per id) -----

    /// @notice Purchases `1 .. nextPurchaseId - 1` as stored (index `i` holds id `i + 1`).
    function rawPurchases() external view returns (Purchase[] memory list) {
        uint256 n = _nextPurchaseId - 1;
        list = new Purchase[](n);
        for (uint256 i; i < n; ++i) {
            list[i] = _purchases[i + 1];
        }
    }

    /// @notice The purchases `ids` as stored.
    function rawPurchasesAt(uint256[] calldata ids) external view returns (Purchase[] memory list) {
        list = new Purchase[](ids.length);
        for (uint256 i; i < ids.length; ++i) {
            list[i] = _purchases[ids[i]];
        }
    }

    /// @notice Claims `1 .. nextClaimId - 1` as stored (index `i` holds id `i + 1`).
    function rawClaims() external view returns (Claim[] memory list) {
        uint256 n = _nextClaimId - 1;
        list = new Claim[](n);
        for (uint256 i; i < n; ++i) {
            list[i] = _claims[i + 1];
        }
    }

    /// @notice Withdrawal requests, their shares brought to the current share epoch.
    function rawRequests(uint256[] calldata ids) external view returns (WithdrawalRequest[] memory list) {
        list = new WithdrawalRequest[](ids.length);
        for (uint256 i; i < ids.length; ++i) {
            WithdrawalRequest memory r = _requests[ids[i]];
            r.shares = uint128(_convertShares(r.shares, r.shareEpoch));
            r.shareEpoch = _shareEpoch;
            list[i] = r;
        }
    }

    // ----- the invariant handler's per-account ledger -----

    /// @notice What one share is worth at the stored price: `(C + 1) / (S + 1)` (ShareMath's virtual share),
    /// `(0, 0)` when no share exists; and the share epoch the price belongs to.
    function rawShareUnit() external view returns (uint256 num, uint256 den, uint32 shareEpoch) {
        uint256 supply = _shareSupply;
        (num, den) = supply == 0 ? (0, 0) : (uint256(_capital) + 1, supply + 1);
        shareEpoch = _shareEpoch;
    }

    /// @notice What one token of each (pool, epoch) redeems at the stored state: `(K - debt) / supply` while the
    /// epoch is open, `remaining / supply` once closed; `(0, 0)` when no token of it exists.
    function rawCoverUnits(uint256[] calldata poolIds, uint256[] calldata epochs)
        external
        view
        returns (uint256[] memory num, uint256[] memory den)
    {
        uint256 n = poolIds.length;
        num = new uint256[](n);
        den = new uint256[](n);
        for (uint256 k; k < n; ++k) {
            PoolState storage pool = _pools[poolIds[k]];
            uint256 supply;
            uint256 backing;
            if (epochs[k] == pool.epoch) {
                supply = pool.supply;
                backing = pool.active > pool.debt ? pool.active - pool.debt : 0;
            } else {
                ClosedEpoch storage c = _closedEpochs[poolIds[k]][epochs[k]];
                (supply, backing) = (c.supply, c.remaining);
            }
            (num[k], den[k]) = supply == 0 ? (0, 0) : (backing, supply);
        }
    }

    /// @notice The share's and each (pool, epoch)'s token value as a sync now would leave them (the state an action
    /// starts from once its own sync ran); `(0, 0)` when no token of it exists. `known[k]` is false when the sync
    /// would close that epoch and another after it, leaving no record of its value in the projection.
    function projectedUnits(uint256[] calldata poolIds, uint256[] calldata epochs)
        external
        view
        returns (uint256 shareNum, uint256 shareDen, uint256[] memory num, uint256[] memory den, bool[] memory known)
    {
        SyncMem memory m = _project();
        uint256 supply = _shareSupply;
        (shareNum, shareDen) = supply == 0 ? (0, 0) : (m.capital + 1, supply + 1);
        uint256 n = poolIds.length;
        num = new uint256[](n);
        den = new uint256[](n);
        known = new bool[](n);
        for (uint256 k; k < n; ++k) {
            (num[k], den[k], known[k]) = _projectedCoverUnit(m.pools[poolIds[k]], poolIds[k], epochs[k]);
        }
    }

    function _projectedCoverUnit(PoolMem memory p, uint256 poolId, uint256 epoch)
        private
        view
        returns (uint256 num, uint256 den, bool known)
    {
        if (epoch < _pools[poolId].epoch) {
            ClosedEpoch storage c = _closedEpochs[poolId][epoch];
            return c.supply == 0 ? (0, 0, true) : (c.remaining, c.supply, true);
        }
        if (p.lapses > 1) return (0, 0, false);
        if (p.lapses == 1) return p.lapsedSupply == 0 ? (0, 0, true) : (p.lapsedRemainder, p.lapsedSupply, true);
        if (p.supply == 0) return (0, 0, true);
        return (p.active > p.debt ? p.active - p.debt : 0, p.supply, true);
    }

    /// @notice Each account's shares in the current epoch: its balance plus the shares of its open requests.
    function rawShareHoldings(address[] calldata accounts, uint256[] calldata requestIds)
        external
        view
        returns (uint256[] memory holdings)
    {
        holdings = new uint256[](accounts.length);
        for (uint256 i; i < accounts.length; ++i) {
            ShareBalance memory b = _shareBalances[accounts[i]];
            holdings[i] = _convertShares(b.amount, b.epoch);
        }
        for (uint256 k; k < requestIds.length; ++k) {
            WithdrawalRequest storage r = _requests[requestIds[k]];
            for (uint256 i; i < accounts.length; ++i) {
                if (r.owner == accounts[i]) holdings[i] += _convertShares(r.shares, r.shareEpoch);
            }
        }
    }
}
