// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMetaPoolErrors} from "../interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../interfaces/IMetaPoolEvents.sol";
import {
    Claim,
    ClosedEpoch,
    FundingCurve,
    MetaPoolConfig,
    Purchase,
    WithdrawalRequest
} from "../interfaces/MetaPoolTypes.sol";
import {ConfigArgs} from "../lib/ConfigArgs.sol";
import {LapseHint} from "../lib/LapseHint.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// @notice One coverage pool's stored state. A sync that accrues the pool reads and writes slot 0 only: slot 0 holds
/// K, the premium accumulator and the lapse pre-check, so the supply and the debt (slot 1) are read only when a
/// lapse is possible, a claim on the pool is pending, or a purchase matures into it. Slot 0 is never zero while
/// the pool pays premium (K > 0), so a sync never pays for a zero-to-nonzero write.
struct PoolState {
    // slot 0 (packed by hand in `Syncing`: keep the order)
    uint128 active; // K: seekers' remaining deposits whose cover is in force
    uint64 creditWad; // premium accumulator remainder, in [0, 1e18) (see Premium)
    uint56 lapseHint; // LapseHint.encode(supply): K below its decoded value may lapse, K at or above cannot
    bool claimPending; // a claim on this pool is pending (`claimId`); while false, `debt` is 0
    // slot 1
    uint128 supply; // cover tokens of the current epoch (mirrors the token's totalSupply)
    uint128 debt; // premium accrued while a claim is pending, charged at the ruling
    // slot 2
    uint128 pending; // R: purchases inside the purchase delay (not cover)
    uint40 openedAt; // 0 until the epoch's first mint
    // slot 3
    address token; // the current epoch's cover token, 0 until opened
    uint32 epoch;
    uint64 claimId; // pending claim on this pool, 0 if none
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
    uint256 internal constant DUST_RATIO = LapseHint.DUST_RATIO;

    // ----- accounting (SPEC §3); the fixed configuration is in the clone's immutable args (ConfigArgs) -----
    // A sync reads and writes these two slots, and no other global one (the queue slot below only when
    // purchases are queued).
    uint128 internal _capital; // C
    uint128 internal _totalActive; // Σ K
    uint40 internal _lastSyncAt;
    bool internal _shutDown;
    bool internal _queued; // purchases wait in the queue: exactly when `_queueHead < _nextPurchaseId`
    uint8 internal _pendingClaims; // at most one per pool
    uint48 internal _nextPurchaseId;
    // Fee balances, collected with `claimFees`. Kept in the sync's slot, so charging premium costs no extra
    // write; a balance about to outgrow 72 bits moves to its owner's `_owed` (see `_addFees`).
    uint72 internal _arbiterFees;
    uint72 internal _creatorFees;

    uint64 internal _queueHead; // first purchase id not yet matured, voided or skipped
    uint64 internal _voidedBefore; // unmatured purchases with id below this are refundable in full
    uint40 internal _freezeEndedAt; // when the last claim freeze ended (frozen purchases restart their delay then)
    uint40 internal _lastRulingAt;
    uint8 internal _decimals; // the asset's, read once at creation

    uint64 internal _nextRequestId;
    uint64 internal _claimHead; // earliest claim not yet ruled
    uint64 internal _nextClaimId;

    // Paired so that a ruling moving a bond from held to owed writes one slot that stays non-zero.
    uint128 internal _bondsHeld;
    uint128 internal _owedTotal; // Σ `_owed`
    uint128 internal _redeemableTotal; // closed cover epochs' unredeemed payouts and remainders
    uint128 internal _refundsOwed; // voided purchases and unaccepted rests not yet paid back

    mapping(address account => uint256) internal _owed; // returned bonds, and fee balances moved out of the sync slot
    string internal _name;
    mapping(uint256 poolId => string) internal _poolNames;

    PoolState[MAX_POOLS] internal _pools;
    mapping(uint256 purchaseId => Purchase) internal _purchases;
    mapping(uint256 requestId => WithdrawalRequest) internal _requests;
    mapping(uint256 claimId => Claim) internal _claims;
    mapping(uint256 poolId => mapping(uint256 epoch => address)) internal _epochTokens;
    mapping(uint256 poolId => mapping(uint256 epoch => ClosedEpoch)) internal _closedEpochs;

    // ----- shares (see ShareToken) -----
    uint32 internal _shareEpoch;
    uint224 internal _shareSupply; // bounded by the share epochs (SPEC §3 invariant 4), far below 2^224
    mapping(address account => ShareBalance) internal _shareBalances;
    mapping(address owner => mapping(address spender => uint256)) internal _allowances;
    mapping(uint256 epoch => ShareEpochRate) internal _shareEpochRates;

    // ----- the fixed configuration, from the clone's immutable args -----

    function _poolCount() internal view returns (uint256) {
        return ConfigArgs.word(ConfigArgs.SETTINGS) >> 248;
    }

    function _asset() internal view returns (address) {
        return ConfigArgs.addressAt(ConfigArgs.ASSET);
    }

    function _arbiter() internal view returns (address) {
        return ConfigArgs.addressAt(ConfigArgs.ARBITER);
    }

    function _creator() internal view returns (address) {
        return ConfigArgs.addressAt(ConfigArgs.CREATOR);
    }

    /// @dev (arbiterFeeBps, creatorFeeBps, payoutMultiple, purchaseDelay, withdrawalPeriod, minPurchase).
    function _settings()
        internal
        view
        returns (
            uint256 arbiterFeeBps,
            uint256 creatorFeeBps,
            uint256 payoutMultiple,
            uint256 purchaseDelay,
            uint256 withdrawalPeriod,
            uint256 minPurchase
        )
    {
        (
            , arbiterFeeBps, creatorFeeBps, payoutMultiple, purchaseDelay, withdrawalPeriod, minPurchase
        ) = _settingsWithPoolCount();
    }

    /// @dev The whole settings word in one read: the pool count, then `_settings()`.
    function _settingsWithPoolCount()
        internal
        view
        returns (
            uint256 poolCount,
            uint256 arbiterFeeBps,
            uint256 creatorFeeBps,
            uint256 payoutMultiple,
            uint256 purchaseDelay,
            uint256 withdrawalPeriod,
            uint256 minPurchase
        )
    {
        uint256 w = ConfigArgs.word(ConfigArgs.SETTINGS);
        poolCount = w >> 248;
        arbiterFeeBps = uint16(w >> 232);
        creatorFeeBps = uint16(w >> 216);
        payoutMultiple = uint16(w >> 200);
        purchaseDelay = uint32(w >> 168);
        withdrawalPeriod = uint32(w >> 136);
        minPurchase = uint128(w >> 8);
    }

    function _claimBond() internal view returns (uint256) {
        return ConfigArgs.word(ConfigArgs.CLAIM_BOND) >> 128;
    }

    function _curve() internal view returns (FundingCurve memory) {
        return _curveOf(ConfigArgs.word(ConfigArgs.CURVE));
    }

    function _curveOf(uint256 w) internal pure returns (FundingCurve memory) {
        return FundingCurve(uint64(w >> 192), uint64(w >> 128), uint64(w >> 64), uint64(w));
    }

    /// @dev The whole configuration, as `params()` shows it.
    function _config() internal view returns (MetaPoolConfig memory c) {
        c.asset = IERC20Metadata(_asset());
        c.decimals = _decimals;
        c.arbiter = _arbiter();
        c.creator = _creator();
        c.name = _name;
        c.protectionStatementHash = bytes32(ConfigArgs.word(ConfigArgs.STATEMENT_HASH));
        c.curve = _curve();
        (c.arbiterFeeBps, c.creatorFeeBps, c.payoutMultiple, c.purchaseDelay, c.withdrawalPeriod, c.minPurchase) =
            _packedSettings();
        c.claimBond = uint128(_claimBond());
        c.poolCount = uint8(_poolCount());
    }

    function _packedSettings() private view returns (uint16, uint16, uint16, uint32, uint32, uint128) {
        (uint256 a, uint256 c, uint256 m, uint256 d, uint256 w, uint256 p) = _settings();
        return (uint16(a), uint16(c), uint16(m), uint32(d), uint32(w), uint128(p));
    }

    /// @dev Adds to the fee balances. Each lives in the sync's slot while it fits 72 bits (4.7e21 units); when one
    /// would not, both move to their owners' claimable balances (`_owed`, which `claimFees` pays with them): two
    /// extra writes once in a long while, and never for an asset of 6 decimals in practice.
    function _addFees(uint256 arbiterFee, uint256 creatorFee) internal {
        (uint256 arbiterFees, uint256 creatorFees) = _spillFees(_arbiterFees + arbiterFee, _creatorFees + creatorFee);
        (_arbiterFees, _creatorFees) = (uint72(arbiterFees), uint72(creatorFees));
    }

    /// @dev The fee balances to keep in the sync slot: these, unless one outgrows 72 bits (see `_addFees`).
    function _spillFees(uint256 arbiterFees, uint256 creatorFees) internal returns (uint256, uint256) {
        if (arbiterFees <= type(uint72).max && creatorFees <= type(uint72).max) return (arbiterFees, creatorFees);
        _credit(_arbiter(), arbiterFees);
        _credit(_creator(), creatorFees);
        return (0, 0);
    }

    // ----- the two slots every sync reads and writes, as words (the one-pass sync reads and writes each once) ----
    // `books` is (`_capital`, `_totalActive`); `clock` is (`_lastSyncAt`, `_shutDown`, `_queued`, `_pendingClaims`,
    // `_nextPurchaseId`, `_arbiterFees`, `_creatorFees`), packed by Solidity lowest-order member first: bits 0-39,
    // 40-47, 48-55, 56-63, 64-111, 112-183 and 184-255. The invariant suites check these against the declarations.

    function _books() internal view returns (uint256 books) {
        assembly ("memory-safe") {
            books := sload(_capital.slot)
        }
    }

    function _clock() internal view returns (uint256 clock) {
        assembly ("memory-safe") {
            clock := sload(_lastSyncAt.slot)
        }
    }

    function _clockTime(uint256 clock) internal pure returns (uint256) {
        return uint40(clock);
    }

    function _clockQueued(uint256 clock) internal pure returns (bool) {
        return uint8(clock >> 48) != 0;
    }

    function _clockShutDown(uint256 clock) internal pure returns (bool) {
        return uint8(clock >> 40) != 0;
    }

    function _clockFees(uint256 clock) internal pure returns (uint256 arbiterFees, uint256 creatorFees) {
        return (uint72(clock >> 112), uint72(clock >> 184));
    }

    /// @dev Writes `books` and `clock` back: the new C and ΣK, the time now, the fee balances; the clock's flags
    /// and purchase counter as they were (bits 40-111).
    function _storeSyncSlots(
        uint256 capital,
        uint256 totalActive,
        uint256 clock,
        uint256 arbiterFees,
        uint256 creatorFees
    ) internal {
        uint256 books = uint128(capital) | (totalActive << 128);
        clock = (clock & (((1 << 72) - 1) << 40)) | block.timestamp | (arbiterFees << 112) | (creatorFees << 184);
        assembly ("memory-safe") {
            sstore(_capital.slot, books)
            sstore(_lastSyncAt.slot, clock)
        }
    }

    /// @dev Credits `amount` to `account`'s claimable balance (pull payment: a blocked transfer to one
    /// account can never block a ruling or a shutdown).
    function _credit(address account, uint256 amount) internal {
        // A bond (uint128) or a fee balance (at most 2^72 plus one sync's fees, below 2^128): the cast is exact; the
        // sum is checked.
        _owed[account] += amount;
        _owedTotal += uint128(amount);
    }

    /// @dev What `account` can collect with `claimFees` as stored: its `_owed`, and the fee balance of each role
    /// it holds.
    function _claimable(address account) internal view returns (uint256 amount) {
        amount = _owed[account];
        if (account == _arbiter()) amount += _arbiterFees;
        if (account == _creator()) amount += _creatorFees;
    }

    function _requireValidPool(uint256 poolId) internal view {
        uint256 n = _poolCount();
        if (poolId >= n) revert InvalidPoolId(poolId, n);
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
        (,,, uint256 purchaseDelay,,) = _settings();
        uint256 restart = uint256(_freezeEndedAt) + purchaseDelay;
        return maturesAt > restart ? maturesAt : restart;
    }

    function _freeCapital() internal view returns (uint256) {
        uint256 c = _capital;
        uint256 k = _totalActive;
        return c > k ? c - k : 0;
    }
}
