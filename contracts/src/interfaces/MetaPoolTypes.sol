// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";

/// @notice Kinked funding curve, all rates WAD (1e18 = 100 %) per year.
struct FundingCurve {
    uint64 baseRate;
    uint64 slope1;
    uint64 kink;
    uint64 slope2;
}

/// @notice One protected protocol inside a MetaPool.
struct CoveragePoolParams {
    string name;
    string description;
}

/// @notice Everything fixed at creation (SPEC §2). Nothing changes afterwards.
struct MetaPoolParams {
    IERC20Metadata asset;
    address arbiter;
    string name;
    string protectionStatement;
    CoveragePoolParams[] pools;
    uint16 arbiterFeeBps;
    uint16 creatorFeeBps;
    FundingCurve curve;
    /// 0 = uncapped (payout K + F); else payout K + min(F, (payoutMultiple - 1) * K).
    uint16 payoutMultiple;
    uint32 withdrawalPeriod;
    uint32 purchaseDelay;
    uint128 claimBond;
    uint128 minPurchase;
}

/// @notice The immutable configuration as stored (texts other than names are kept as hashes;
/// the full texts are in `MetaPoolCreated`).
struct MetaPoolConfig {
    IERC20Metadata asset;
    uint8 decimals;
    address arbiter;
    address creator;
    string name;
    bytes32 protectionStatementHash;
    uint16 arbiterFeeBps;
    uint16 creatorFeeBps;
    FundingCurve curve;
    uint16 payoutMultiple;
    uint32 withdrawalPeriod;
    uint32 purchaseDelay;
    uint128 claimBond;
    uint128 minPurchase;
    uint8 poolCount;
}

enum PurchaseStatus {
    None,
    Pending,
    Matured,
    Refunded
}

struct Purchase {
    address buyer;
    uint40 maturesAt;
    uint8 poolId;
    PurchaseStatus status;
    uint128 amount;
    /// Amount that became cover at maturity (the rest, amount - accepted, is refundable).
    uint128 accepted;
    address receiver;
    /// The rest of a matured purchase was paid back.
    bool restRefunded;
}

struct WithdrawalRequest {
    address owner;
    uint40 unlockAt;
    /// Share epoch the `shares` are denominated in.
    uint32 shareEpoch;
    uint128 shares;
    uint128 assetsAtRequest;
}

enum ClaimStatus {
    None,
    Pending,
    Valid,
    Invalid,
    Voided
}

struct Claim {
    address filer;
    uint8 poolId;
    ClaimStatus status;
    uint40 filedAt;
    uint40 incidentTime;
    uint32 epoch;
    uint40 resolvedAt;
    uint128 bond;
    bytes32 evidenceHash;
}

/// @notice A closed cover epoch (valid claim or lapse): what its tokens still redeem for.
struct ClosedEpoch {
    uint128 remaining;
    uint128 supply;
}

/// @notice One coverage pool as the app sees it, projected to now.
struct PoolView {
    string name;
    address token;
    uint32 epoch;
    uint40 epochOpenedAt;
    uint256 active;
    uint256 pending;
    uint256 coverSupply;
    uint256 payout;
    uint256 utilisation;
    uint256 rate;
    uint256 premiumSpeed;
    uint256 debt;
    uint64 pendingClaimId;
}

/// @notice A whole MetaPool for the app in one call, projected to now.
struct MetaPoolView {
    address metaPool;
    MetaPoolConfig config;
    uint256 capital;
    uint256 freeCapital;
    uint256 totalActive;
    uint256 totalPending;
    uint256 shareSupply;
    uint32 shareEpoch;
    bool shutDown;
    uint64 pendingClaims;
    uint64 firstPendingClaimId;
    uint256 queueLength;
    uint256 dueUnprocessed;
    uint256 feesOwedTotal;
    uint40 lastSyncAt;
    uint40 lastRulingAt;
    /// When the last claim freeze ended: purchases it froze mature at `freezeEndedAt + purchaseDelay`.
    uint40 freezeEndedAt;
    PoolView[] pools;
}

/// @notice Quote for `buyProtection`, projected to now.
struct BuyQuote {
    /// Largest purchase accepted now: `C - ΣK`, what could become cover if it matured now (0 while a claim is
    /// pending or after shutdown). Pending purchases reserve nothing: acceptance is decided at maturity.
    uint256 capacity;
    /// Pending purchases of the whole MetaPool (ΣR), all queued ahead of a new one: they mature first.
    uint256 pendingAhead;
    uint40 maturesAt;
    uint256 rateNow;
    /// Funding rate if the purchase were cover now (it becomes cover only at `maturesAt`).
    uint256 rateAfter;
    uint256 payoutAfter;
    /// Premium per year the pool would pay after it (WAD-assets; divide by 1e18 for assets).
    uint256 premiumSpeedAfter;
}

/// @notice Quote for `completeWithdrawal` of a whole request, projected to now.
struct WithdrawQuote {
    address owner;
    uint256 shares;
    uint256 assetsAtRequest;
    /// Min rule: what the request's shares pay if the window is open and capital is free.
    uint256 assets;
    /// `assets` capped by free capital (0 while locked, outside the window, or while a claim is pending).
    uint256 withdrawableNow;
    uint256 freeCapital;
    uint40 unlockAt;
    uint40 windowEnd;
    /// Shares `cancelWithdrawal` would return now.
    uint256 sharesIfCancelled;
}
