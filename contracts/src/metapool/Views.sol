// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {
    BuyQuote,
    Claim,
    ClosedEpoch,
    MetaPoolConfig,
    MetaPoolView,
    PoolView,
    Purchase,
    PurchaseStatus,
    WithdrawQuote,
    WithdrawalRequest
} from "../interfaces/MetaPoolTypes.sol";
import {CoverMath} from "../lib/CoverMath.sol";
import {FundingRate} from "../lib/FundingRate.sol";
import {Payout} from "../lib/Payout.sol";
import {ShareMath} from "../lib/ShareMath.sol";
import {PoolState} from "./MetaPoolStorage.sol";
import {Syncing} from "./Syncing.sol";

/// @notice Read side for the app: every figure projected to now (as if `sync` ran this second), with a
/// `preview*` twin for each action.
abstract contract Views is Syncing {
    // ----- shares (ERC-20 metadata, ERC-4626 views) -----

    function asset() external view returns (address) {
        return _asset();
    }

    /// @notice C, projected to now.
    function totalAssets() external view returns (uint256) {
        return _project().capital;
    }

    function convertToShares(uint256 assets) public view returns (uint256) {
        return ShareMath.toShares(assets, _project().capital, _shareSupply);
    }

    function convertToAssets(uint256 shares) public view returns (uint256) {
        return ShareMath.toAssets(shares, _project().capital, _shareSupply);
    }

    /// @notice Exactly the shares `deposit(assets, ...)` would mint now (with no shares at all, the depositor also
    /// takes the capital left behind: see `ShareMath.depositShares`).
    function previewDeposit(uint256 assets) external view returns (uint256) {
        SyncMem memory m = _project();
        return ShareMath.depositShares(assets, m.capital, _shareSupply);
    }

    /// @notice 0 whenever `deposit` would revert: shut down, a claim pending, or more than 16 purchases due
    /// (`SyncRequired` until someone pokes); else the room left under the uint128 amount bound.
    function maxDeposit(address) external view returns (uint256) {
        if (_shutDown || _pendingClaims != 0) return 0;
        SyncMem memory m = _project();
        return m.dueLeft != 0 ? 0 : type(uint128).max - m.capital;
    }

    /// @notice What `account` can collect with `claimFees`, including fees a sync now would add.
    function feesOwed(address account) external view returns (uint256 amount) {
        amount = _claimable(account);
        SyncMem memory m = _project();
        if (account == _arbiter()) amount += m.arbiterFees;
        if (account == _creator()) amount += m.creatorFees;
    }

    function previewExit(uint256 shares) external view returns (uint256) {
        return convertToAssets(shares);
    }

    // ----- ERC-4626 entry points other than deposit are disabled -----

    function mint(uint256, address) external pure returns (uint256) {
        revert UseWithdrawalRequest();
    }

    function withdraw(uint256, address, address) external pure returns (uint256) {
        revert UseWithdrawalRequest();
    }

    function redeem(uint256, address, address) external pure returns (uint256) {
        revert UseWithdrawalRequest();
    }

    /// @dev ERC-4626's previews of the disabled actions revert like the actions, so no integrator reads a quote
    /// for something it cannot do.
    function previewMint(uint256) external pure returns (uint256) {
        revert UseWithdrawalRequest();
    }

    function previewWithdraw(uint256) external pure returns (uint256) {
        revert UseWithdrawalRequest();
    }

    function previewRedeem(uint256) external pure returns (uint256) {
        revert UseWithdrawalRequest();
    }

    function maxMint(address) external pure returns (uint256) {
        return 0;
    }

    function maxWithdraw(address) external pure returns (uint256) {
        return 0;
    }

    function maxRedeem(address) external pure returns (uint256) {
        return 0;
    }

    // ----- MetaPool -----

    function params() external view returns (MetaPoolConfig memory) {
        return _config();
    }

    function isShutDown() external view returns (bool) {
        return _shutDown;
    }

    function capital() external view returns (uint256) {
        return _project().capital;
    }

    /// @notice F = C - ΣK, projected; 0 after shutdown (exits ignore cover).
    function freeCapital() external view returns (uint256) {
        return _free(_project());
    }

    function poolCount() external view returns (uint256) {
        return _poolCount();
    }

    function poolName(uint256 poolId) external view returns (string memory) {
        return _poolNames[poolId];
    }

    function fundingRate(uint256 utilisation) external view returns (uint256) {
        return FundingRate.rate(_curve(), utilisation);
    }

    function pool(uint256 poolId) external view returns (PoolView memory) {
        _requireValidPool(poolId);
        return _poolView(_project(), poolId);
    }

    /// @notice What a valid claim on `poolId` would take from capital now, and what its holders would redeem
    /// (both 0 after shutdown: cover is no longer in force and no claim can be filed).
    function previewPayout(uint256 poolId) external view returns (uint256 payout, uint256 redeemable) {
        _requireValidPool(poolId);
        if (_shutDown) return (0, 0);
        SyncMem memory m = _project();
        PoolMem memory p = m.pools[poolId];
        payout = p.supply == 0 ? 0 : Payout.payout(p.active, _free(m), m.payoutMultiple);
        uint256 gross = p.active + payout;
        redeemable = gross - (p.debt < gross ? p.debt : gross);
    }

    function previewBuy(uint256 poolId, uint256 amount) external view returns (BuyQuote memory q) {
        _requireValidPool(poolId);
        SyncMem memory m = _project();
        PoolMem memory p = m.pools[poolId];
        uint256 free = _free(m);
        // Pending purchases reserve nothing (revision 4): capacity is what could be accepted if it matured now;
        // what is queued ahead matures first and may take it.
        q.capacity = _pendingClaims != 0 ? 0 : free;
        q.pendingAhead = _pendingTotal(m);
        (,,, uint256 purchaseDelay,,) = _settings();
        q.maturesAt = uint40(block.timestamp + purchaseDelay);
        q.rateNow = _rateOf(p.active, free);
        uint256 accepted = amount < free ? amount : free;
        q.rateAfter = _rateOf(p.active + accepted, free - accepted);
        q.payoutAfter = Payout.payout(p.active + accepted, free - accepted, m.payoutMultiple);
        q.premiumSpeedAfter = _shutDown ? 0 : q.rateAfter * q.payoutAfter;
    }

    /// @notice Quote for `completeWithdrawal` of a whole request (not ERC-4626's `previewWithdraw`).
    function previewWithdrawal(uint256 requestId) external view returns (WithdrawQuote memory q) {
        WithdrawalRequest memory r = _requests[requestId];
        if (r.owner == address(0)) revert UnknownRequest(requestId);
        SyncMem memory m = _project();
        q.owner = r.owner;
        q.shares = _convertShares(r.shares, r.shareEpoch);
        q.assetsAtRequest = r.assetsAtRequest;
        q.unlockAt = r.unlockAt;
        q.windowEnd = uint40(_windowEnd(r.unlockAt));
        q.freeCapital = _free(m);
        if (q.shares == 0) return q;
        uint256 promised = r.assetsAtRequest;
        uint256 worth = ShareMath.toAssets(q.shares, m.capital, _shareSupply);
        q.assets = promised < worth ? promised : worth;
        uint256 cancelWorth = ShareMath.toShares(r.assetsAtRequest, m.capital, _shareSupply);
        q.sharesIfCancelled = q.shares < cancelWorth ? q.shares : cancelWorth;
        if (_shutDown) {
            q.withdrawableNow = q.assets;
        } else if (_pendingClaims == 0 && block.timestamp >= q.unlockAt && block.timestamp <= q.windowEnd) {
            q.withdrawableNow = q.assets < q.freeCapital ? q.assets : q.freeCapital;
        }
    }

    /// @notice Assets `withdrawProtection(poolId, tokens, ...)` would pay now.
    function previewWithdrawProtection(uint256 poolId, uint256 tokens) external view returns (uint256 assets) {
        _requireValidPool(poolId);
        PoolMem memory p = _project().pools[poolId];
        if (p.supply == 0 || tokens > p.supply) return 0;
        (assets,,) = CoverMath.withdrawal(tokens, p.active, p.supply, p.debt);
    }

    /// @notice Assets `tokens` of an epoch are worth now: open epochs net of claim debt, closed ones their payout share.
    function coverUnderlying(uint256 poolId, uint256 epoch, uint256 tokens) external view returns (uint256) {
        _requireValidPool(poolId);
        uint256 current = _pools[poolId].epoch;
        if (epoch < current) {
            ClosedEpoch memory c = _closedEpochs[poolId][epoch];
            return c.supply == 0 ? 0 : tokens * c.remaining / c.supply;
        }
        if (epoch > current) return 0;
        PoolMem memory p = _project().pools[poolId];
        if (p.lapses != 0) return p.lapsedSupply == 0 ? 0 : tokens * p.lapsedRemainder / p.lapsedSupply;
        if (p.supply == 0 || tokens > p.supply) return 0;
        (uint256 assets,,) = CoverMath.withdrawal(tokens, p.active, p.supply, p.debt);
        return assets;
    }

    function coverToken(uint256 poolId, uint256 epoch) external view returns (address) {
        return _epochTokens[poolId][epoch];
    }

    function closedEpoch(uint256 poolId, uint256 epoch) external view returns (ClosedEpoch memory) {
        return _closedEpochs[poolId][epoch];
    }

    /// @notice A purchase; while pending, `maturesAt` is when it will mature (a claim freeze restarts the delay).
    function purchase(uint256 purchaseId) external view returns (Purchase memory p) {
        p = _purchases[purchaseId];
        if (p.receiver == address(0)) p.receiver = p.buyer;
        if (p.status == PurchaseStatus.Pending && purchaseId >= _voidedBefore) {
            p.maturesAt = uint40(_maturityOf(p.maturesAt));
        }
    }

    /// @notice Purchase ids run from 1 to `nextPurchaseId - 1`; those from `queueHead` on are not matured yet.
    function purchaseQueue() external view returns (uint256 queueHead, uint256 nextPurchaseId, uint256 voidedBefore) {
        return (_queueHead, _nextPurchaseId, _voidedBefore);
    }

    function withdrawalRequest(uint256 requestId) external view returns (WithdrawalRequest memory r) {
        r = _requests[requestId];
        r.shares = uint128(_convertShares(r.shares, r.shareEpoch));
        r.shareEpoch = _shareEpoch;
    }

    function requestCount() external view returns (uint256) {
        return _nextRequestId;
    }

    function claim(uint256 claimId) external view returns (Claim memory) {
        return _claims[claimId];
    }

    /// @notice Claim ids run from 1 to `nextClaimId - 1`; pending ones from `firstPending` on.
    function claimQueue() external view returns (uint256 firstPending, uint256 nextClaimId, uint256 pending) {
        return (_claimHead, _nextClaimId, _pendingClaims);
    }

    function lastRulingAt() external view returns (uint256) {
        return _lastRulingAt;
    }

    /// @notice Everything the asset balance must cover besides C, ΣK and ΣR (SPEC §3 invariant 1).
    function liabilities()
        external
        view
        returns (uint256 owedTotal, uint256 bondsHeld, uint256 redeemableTotal, uint256 refundsOwed)
    {
        return (_owedTotal + uint256(_arbiterFees) + _creatorFees, _bondsHeld, _redeemableTotal, _refundsOwed);
    }

    /// @notice The whole MetaPool in one call, projected to now.
    function metaPoolView() external view returns (MetaPoolView memory v) {
        SyncMem memory m = _project();
        v.metaPool = address(this);
        v.config = _config();
        v.capital = m.capital;
        v.freeCapital = _free(m);
        v.totalActive = m.totalActive;
        v.totalPending = _pendingTotal(m);
        v.shareSupply = _shareSupply;
        v.shareEpoch = _shareEpoch;
        v.shutDown = _shutDown;
        v.pendingClaims = _pendingClaims;
        v.firstPendingClaimId = _pendingClaims == 0 ? 0 : _claimHead;
        v.queueLength = _nextPurchaseId - m.head;
        v.dueUnprocessed = m.dueLeft;
        v.feesOwedTotal = _owedTotal + uint256(_arbiterFees) + _creatorFees + m.arbiterFees + m.creatorFees;
        v.lastSyncAt = uint40(m.time);
        v.lastRulingAt = _lastRulingAt;
        v.freezeEndedAt = _freezeEndedAt;
        uint256 n = m.pools.length;
        v.pools = new PoolView[](n);
        for (uint256 i; i < n; ++i) {
            v.pools[i] = _poolView(m, i);
        }
    }

    function _poolView(SyncMem memory m, uint256 poolId) internal view returns (PoolView memory v) {
        PoolState storage s = _pools[poolId];
        PoolMem memory p = m.pools[poolId];
        uint256 free = _free(m);
        v.name = _poolNames[poolId];
        v.epoch = s.epoch + uint32(p.lapses);
        bool fresh = p.lapses != 0;
        v.token = fresh ? address(0) : s.token;
        v.epochOpenedAt = fresh ? uint40(p.openedAt) : (s.openedAt != 0 ? s.openedAt : uint40(p.openedAt));
        v.active = p.active;
        v.pending = s.pending - p.pendingOut;
        v.coverSupply = p.supply;
        // After shutdown cover is no longer in force: no payout, like the rate.
        v.payout = _shutDown || p.supply == 0 ? 0 : Payout.payout(p.active, free, m.payoutMultiple);
        v.utilisation = FundingRate.utilisation(p.active, free);
        v.rate = _rateOf(p.active, free);
        v.premiumSpeed = p.speed;
        v.debt = p.debt;
        v.pendingClaimId = s.claimId;
    }

    function _rateOf(uint256 active, uint256 free) internal view returns (uint256) {
        if (_shutDown) return 0;
        return FundingRate.rate(_curve(), FundingRate.utilisation(active, free));
    }

    /// @dev Σ R projected: the pools' stored R less what this projection matured.
    function _pendingTotal(SyncMem memory m) internal view returns (uint256 total) {
        uint256 n = m.pools.length;
        for (uint256 i; i < n; ++i) {
            total += _pools[i].pending - m.pools[i].pendingOut;
        }
    }

    function _free(SyncMem memory m) internal view returns (uint256) {
        if (_shutDown || m.capital <= m.totalActive) return 0;
        return m.capital - m.totalActive;
    }
}
