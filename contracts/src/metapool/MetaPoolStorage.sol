// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMetaPoolErrors} from "../interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../interfaces/IMetaPoolEvents.sol";
import {Claim, ClosedEpoch, MetaPoolConfig, Purchase, WithdrawalRequest} from "../interfaces/MetaPoolTypes.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// @notice One coverage pool's stored state. Every sync reads slots 0 and 1 and writes slot 0, which is never
/// zero while the pool pays premium (K > 0), so a sync never pays for a zero-to-nonzero write.
struct PoolState {
    // slot 0
    uint128 active; // K: seekers' remaining deposits whose cover is in force
    uint64 creditWad; // premium accumulator remainder, in [0, 1e18) (see Premium)
    uint64 claimId; // pending claim on this pool, 0 if none
    // slot 1
    uint128 supply; // cover tokens of the current epoch (mirrors the token's totalSupply)
    uint128 debt; // premium accrued while a claim is pending, charged at the ruling
    // slot 2
    uint128 pending; // R: purchases inside the purchase delay (not cover)
    uint32 epoch;
    uint40 openedAt; // 0 until the epoch's first mint
    // slot 3
    address token; // the current epoch's cover token, 0 until opened
}

/// @notice A share balance, in the share epoch it was last settled in.
struct ShareBalance {
    uint32 epoch;
    uint224 amount;
}

/// @notice Conversion rate of a closed share epoch: its shares convert at `capital / supply`.
struct ShareEpochRate {
    uint256 capital;
    uint256 supply;
}

/// @notice All MetaPool storage in one place; the parts only add behaviour. Both facets (MetaPool and
/// MetaPoolExtension) inherit exactly this layout, so the extension runs on a clone's storage; the reentrancy
/// lock is transient and therefore shared by both facets.
abstract contract MetaPoolStorage is IMetaPoolErrors, IMetaPoolEvents, ReentrancyGuardTransient {
    uint256 internal constant MAX_POOLS = 16;
    /// Due purchases matured by one call (SPEC §6 step 2).
    uint256 internal constant MAX_BATCH = 16;
    uint256 internal constant WITHDRAWAL_WINDOW = 7 days;
    uint256 internal constant CLAIM_TIMEOUT = 30 days;
    uint256 internal constant MAX_EVIDENCE = 1024;
    /// An epoch closes when what is left is below 1e-9 of its 1:1 value (shares and cover tokens alike).
    uint256 internal constant DUST_RATIO = 1e9;

    MetaPoolConfig internal _config;
    address internal _coverTokenImplementation;
    mapping(uint256 poolId => string) internal _poolNames;

    // ----- accounting (SPEC §3) -----
    uint128 internal _capital; // C
    uint128 internal _totalActive; // Σ K
    uint128 internal _totalPending; // Σ R
    uint40 internal _lastSyncAt;
    uint40 internal _freezeEndedAt; // when the last claim freeze ended (frozen purchases restart their delay then)
    uint40 internal _lastRulingAt;
    bool internal _shutDown;

    uint64 internal _queueHead; // first purchase id not yet matured, voided or skipped
    uint64 internal _nextPurchaseId;
    uint64 internal _voidedBefore; // unmatured purchases with id below this are refundable in full
    uint64 internal _nextRequestId;

    uint64 internal _claimHead; // earliest claim not yet ruled
    uint64 internal _nextClaimId;
    uint64 internal _pendingClaims;

    uint256 internal _owedTotal; // fees and returned bonds not yet collected
    uint256 internal _bondsHeld;
    uint256 internal _redeemableTotal; // closed cover epochs' unredeemed payouts and remainders
    uint256 internal _refundsOwed; // voided purchases and unaccepted rests not yet paid back

    mapping(address account => uint256) internal _owed;

    PoolState[MAX_POOLS] internal _pools;
    mapping(uint256 purchaseId => Purchase) internal _purchases;
    mapping(uint256 requestId => WithdrawalRequest) internal _requests;
    mapping(uint256 claimId => Claim) internal _claims;
    mapping(uint256 poolId => mapping(uint256 epoch => address)) internal _epochTokens;
    mapping(uint256 poolId => mapping(uint256 epoch => ClosedEpoch)) internal _closedEpochs;

    // ----- shares (see ShareToken) -----
    uint32 internal _shareEpoch;
    uint256 internal _shareSupply;
    mapping(address account => ShareBalance) internal _shareBalances;
    mapping(address owner => mapping(address spender => uint256)) internal _allowances;
    mapping(uint256 epoch => ShareEpochRate) internal _shareEpochRates;

    function _requireValidPool(uint256 poolId) internal view {
        if (poolId >= _config.poolCount) revert InvalidPoolId(poolId, _config.poolCount);
    }

    /// @dev Every amount must be non-zero and every receiver a real address.
    function _requireAmountAndReceiver(uint256 amount, address receiver) internal pure {
        if (amount == 0) revert ZeroAmount();
        if (receiver == address(0)) revert ZeroAddress();
    }

    function _requireNotShutDown() internal view {
        if (_shutDown) revert MetaPoolIsShutDown();
    }

    /// @dev Deposits, withdrawals and purchases wait for the first pending claim's ruling.
    function _requireNoClaimPending() internal view {
        if (_pendingClaims != 0) revert ClaimPending(_claimHead);
    }

    /// @notice Shares of epoch `fromEpoch` expressed in the current epoch (rounded down). Each conversion
    /// shrinks a balance by more than 1e9, so any balance reaches 0 within 9 of them: the loop is bounded.
    function _convertShares(uint256 amount, uint32 fromEpoch) internal view returns (uint256) {
        uint32 current = _shareEpoch;
        for (uint32 e = fromEpoch; e < current && amount != 0; ++e) {
            ShareEpochRate storage r = _shareEpochRates[e];
            amount = amount * r.capital / r.supply;
        }
        return amount;
    }

    /// @dev A request can be completed until 7 days after its unlock or the last claim ruling, whichever is later.
    function _windowEnd(uint256 unlockAt) internal view returns (uint256) {
        uint256 from = unlockAt > _lastRulingAt ? unlockAt : _lastRulingAt;
        return from + WITHDRAWAL_WINDOW;
    }

    /// @dev When a purchase matures (SPEC §5, revision 4): a purchase frozen by a claim restarts its delay when the
    /// freeze ends. Every purchase still queued when a freeze ends was bought before it (buying is refused while a
    /// claim is pending), so `max(maturesAt, freezeEnd + delay)` restarts exactly those and leaves later ones alone.
    /// The result is monotone in `maturesAt`, so the queue stays sorted by it.
    function _maturityOf(uint256 maturesAt) internal view returns (uint256) {
        uint256 restart = uint256(_freezeEndedAt) + _config.purchaseDelay;
        return maturesAt > restart ? maturesAt : restart;
    }

    function _freeCapital() internal view returns (uint256) {
        uint256 c = _capital;
        uint256 k = _totalActive;
        return c > k ? c - k : 0;
    }
}
