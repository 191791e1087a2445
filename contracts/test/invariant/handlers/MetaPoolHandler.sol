// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../../../src/interfaces/ICoverToken.sol";
import {IMetaPoolErrors} from "../../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../../../src/interfaces/IMetaPoolEvents.sol";
import {
    Claim,
    ClaimStatus,
    ClosedEpoch,
    MetaPoolConfig,
    MetaPoolView,
    PoolView,
    Purchase,
    PurchaseStatus,
    WithdrawalRequest
} from "../../../src/interfaces/MetaPoolTypes.sol";
import {PoolState} from "../../../src/metapool/MetaPoolStorage.sol";
import {MetaPoolReaderExtension, RawState} from "../../mocks/MetaPoolReaderExtension.sol";
import {MockERC20} from "../../mocks/MockERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
// Everything from forge-std through Test.sol: importing its files directly adds a second copy of them to the
// compilation, which crashes the wasm solc.
import {StdCheats, StdUtils, TestBase, Vm, console} from "forge-std/Test.sol";

/// @notice Every action of a MetaPool (both facets), for type-checked low-level calls.
interface IMetaPoolActions {
    function deposit(uint256 assets, address receiver) external returns (uint256 shares);
    function requestWithdrawal(uint256 shares) external returns (uint256 requestId);
    function completeWithdrawal(uint256 requestId, uint256 shares, address receiver) external returns (uint256);
    function cancelWithdrawal(uint256 requestId) external returns (uint256 sharesReturned);
    function buyProtection(uint256 poolId, uint256 amount, address receiver) external returns (uint256 purchaseId);
    function refundPurchase(uint256 purchaseId) external returns (uint256 amount);
    function withdrawProtection(uint256 poolId, uint256 tokens, address receiver) external returns (uint256);
    function fileClaim(uint256 poolId, uint256 incidentTime, string calldata evidence) external returns (uint256);
    function resolveClaim(uint256 claimId, bool valid) external;
    function shutdown() external;
    function poke(uint256 maxItems) external returns (uint256 remaining);
    function redeemPayout(uint256 poolId, uint256 epoch, address receiver) external returns (uint256 assets);
    function exit(uint256 shares, address receiver) external returns (uint256 assets);
    function claimFees(address receiver) external returns (uint256 amount);
    function transfer(address to, uint256 value) external returns (bool);
    function transferFrom(address from, address to, uint256 value) external returns (bool);
}

/// @notice Drives one MetaPool through every action with bounded inputs and several actors, and keeps the ghost
/// books the invariants compare with the contract:
/// - a per-account ledger: what each actor put in, took out, and an upper bound of what it may have earned
///   (premiums, forfeited bonds and payouts), attributed as `ceil(holding × rise of the unit's value)` at every
///   call, so `out + held ≤ in + earned` is exact (SPEC §3.3: rounding never favours a user);
/// - capital and fees rebuilt from the events alone (an indexer's view);
/// - a call summary: calls, successes, expected reverts and skips per action, and any unexpected revert.
contract MetaPoolHandler is TestBase, StdCheats, StdUtils {
    enum Act {
        Deposit,
        RequestWithdrawal,
        CompleteWithdrawal,
        CancelWithdrawal,
        BuyProtection,
        RefundPurchase,
        WithdrawProtection,
        RedeemPayout,
        FileClaim,
        ResolveClaim,
        ClaimFees,
        Exit,
        Poke,
        TransferShares,
        TransferCover,
        Warp,
        Shutdown,
        BuyBurst,
        RecycleReservation,
        ShamClaim
    }

    uint256 internal constant ACTS = 20;
    bytes32 internal constant TRANSFER = keccak256("Transfer(address,address,uint256)");

    struct IdSet {
        uint256[] ids;
        mapping(uint256 id => uint256) position; // index + 1, 0 when absent
    }

    struct Tally {
        uint256 calls;
        uint256 ok;
        uint256 reverted;
        uint256 skipped;
    }

    /// @dev What one unit of each thing an account can hold is worth, `num / den`: the share, then each cover
    /// token in `_coverTokens` order.
    struct Units {
        uint256 shareNum;
        uint256 shareDen;
        uint32 shareEpoch;
        uint256[] num;
        uint256[] den;
    }

    address public immutable mp;
    MetaPoolReaderExtension internal immutable reader;
    MockERC20 public immutable asset;
    address public immutable arbiter;
    address public immutable creator;
    uint256 public immutable one;
    uint256 public immutable poolCount;
    uint256 internal immutable arbiterFeeBps;
    uint256 internal immutable creatorFeeBps;
    uint256 internal immutable minPurchase;
    uint256 internal immutable claimBond;
    uint256 internal immutable purchaseDelay;

    address[] internal _actors;
    address[] internal _coverTokens;
    uint256[] internal _tokenPools;
    uint256[] internal _tokenEpochs;
    mapping(address token => bool) internal _knownToken;
    mapping(address token => uint256) internal _tokenPool;
    mapping(address token => uint256) internal _tokenEpoch;
    /// Cover balances rebuilt from the tokens' Transfer events (checked against balanceOf by the invariants).
    mapping(address token => mapping(address account => uint256)) public ghostCoverBalance;
    /// Withdrawal requests with shares left, and purchases with something pending or refundable, kept from the
    /// events (the books invariant checks the purchases' sums against the stored totals).
    IdSet internal _openRequests;
    IdSet internal _openPurchases;
    mapping(uint256 purchaseId => uint256) internal _purchaseAmount;

    // ----- per-account ledger (SPEC §3.3) -----
    mapping(address account => uint256) public ghostIn;
    mapping(address account => uint256) public ghostOut;
    mapping(address account => uint256) public ghostEarned;

    // ----- books rebuilt from events -----
    uint256 public ghostCapital;
    uint256 public ghostPremiumCharged;
    mapping(address account => uint256) public ghostFeesAccrued;
    mapping(address account => uint256) public ghostFeesPaid;

    // ----- what happened -----
    mapping(uint256 act => Tally) internal _tally;
    uint256 public ghostUnexpectedReverts;
    string public firstUnexpected;
    /// Actions that paid or minted other than their preview view showed just before (SPEC §10: every action has a
    /// preview twin the app quotes from).
    uint256 public ghostBrokenPreviews;
    string public firstBrokenPreview;
    /// Actions that lowered the value of a share or of a cover token below what their own sync left (only a valid
    /// claim's payout may lower the share's; SPEC §3.3: every rounding favours the pool, i.e. the other holders).
    uint256 public ghostValueDrops;
    string public firstValueDrop;
    uint256 public ghostValidClaims;
    uint256 public ghostInvalidClaims;
    uint256 public ghostVoidedClaims;
    uint256 public ghostLapses;
    uint256 public ghostShareEpochsClosed;
    uint256 public ghostMatured;
    /// Purchases frozen by a claim that became cover earlier than `purchaseDelay` after the ruling that ended the
    /// freeze (SPEC §5, revision 4: they restart their delay), and other buyers a capacity hog could stop.
    uint256 public ghostEarlyFrozenMaturities;
    string public firstEarlyFrozenMaturity;
    uint256 public ghostBlockedBuyers;

    /// Each end of a claim freeze: when, and the first purchase id bought after it (all below were frozen).
    struct FreezeEnd {
        uint256 at;
        uint256 belowId;
    }

    FreezeEnd[] internal _freezeEnds;
    uint256 public ghostWarpedSeconds;

    Act internal _current;
    bool internal _skipped;
    /// The last call had to poke through more than 16 due purchases first, so its preview (which projects one
    /// batch) no longer applied.
    bool internal _retried;
    /// A valid claim paid out during the last call (the share's value may fall).
    bool internal _paidOut;
    /// The last call was a poke of fewer than 16 items: it may stop short of where a projection goes.
    bool internal _partialPoke;

    constructor(address metaPool, MockERC20 asset_, address[] memory actors_) {
        mp = metaPool;
        reader = MetaPoolReaderExtension(metaPool);
        asset = asset_;
        MetaPoolConfig memory c = reader.params();
        arbiter = c.arbiter;
        creator = c.creator;
        one = 10 ** c.decimals;
        poolCount = c.poolCount;
        arbiterFeeBps = c.arbiterFeeBps;
        creatorFeeBps = c.creatorFeeBps;
        minPurchase = c.minPurchase;
        claimBond = c.claimBond;
        purchaseDelay = c.purchaseDelay;
        _actors = actors_;
        for (uint256 i; i < actors_.length; ++i) {
            vm.prank(actors_[i]);
            asset_.approve(metaPool, type(uint256).max);
        }
    }

    // =====================================================================================================
    // Actions
    // =====================================================================================================

    modifier action(Act act) {
        _current = act;
        _skipped = false;
        _retried = false;
        ++_tally[uint256(act)].calls;
        _;
        if (_skipped) ++_tally[uint256(act)].skipped;
    }

    function deposit(uint256 actorSeed, uint256 receiverSeed, uint256 amountSeed) external action(Act.Deposit) {
        address who = _actor(actorSeed);
        // One deposit in four credits another actor's shares.
        address receiver = _chance(receiverSeed, 4) ? _actor(receiverSeed >> 8) : who;
        _deposit(who, receiver, _logUniform(amountSeed, 1, 1_000_000 * one));
    }

    /// @notice Setup only (not a fuzz target): a deposit of exactly `amount`.
    function seedDeposit(uint256 actorIndex, uint256 amount) external action(Act.Deposit) {
        _deposit(_actors[actorIndex], _actors[actorIndex], amount);
    }

    function _deposit(address who, address receiver, uint256 amount) internal {
        RawState memory s = reader.rawState();
        if (s.shutDown || s.pendingClaims != 0) return _skip();
        asset.mint(who, amount);
        uint256 preview = reader.previewDeposit(amount);
        _previewed(preview, _depositShares(amount), "previewDeposit vs SPEC");
        (bool ok, bytes memory ret) = _call(who, abi.encodeCall(IMetaPoolActions.deposit, (amount, receiver)));
        if (!ok) return _reverted(ret, _errs(IMetaPoolErrors.ZeroShares.selector));
        _previewed(abi.decode(ret, (uint256)), preview, "deposit: shares");
        ghostIn[receiver] += amount;
        // SPEC §4: with no shares outstanding, whatever is left in C goes to the new holders.
        if (s.shareSupply == 0) ghostEarned[receiver] += reader.rawState().capital;
    }

    function requestWithdrawal(uint256 actorSeed, uint256 sharesSeed) external action(Act.RequestWithdrawal) {
        (address who, uint256 balance) = _shareHolder(actorSeed);
        if (balance == 0) return _skip();
        uint256 shares = _chance(sharesSeed, 3) ? balance : _bound(sharesSeed >> 8, 1, balance);
        uint256 preview = reader.convertToAssets(shares);
        _previewed(preview, _toAssets(shares), "convertToAssets vs SPEC");
        (bool ok, bytes memory ret) = _call(who, abi.encodeCall(IMetaPoolActions.requestWithdrawal, (shares)));
        if (!ok) return _reverted(ret, _errs());
        uint256 id = abi.decode(ret, (uint256));
        _previewed(reader.withdrawalRequest(id).assetsAtRequest, preview, "requestWithdrawal: assetsAtRequest");
    }

    function completeWithdrawal(uint256 requestSeed, uint256 sharesSeed, uint256 timeSeed, uint256 receiverSeed)
        external
        action(Act.CompleteWithdrawal)
    {
        (uint256 id, WithdrawalRequest memory r) = _openRequest(requestSeed);
        if (id == 0) return _skip();
        RawState memory s = reader.rawState();
        if (!s.shutDown) {
            if (s.pendingClaims != 0) return _skip();
            uint256 windowEnd = (r.unlockAt > s.lastRulingAt ? r.unlockAt : s.lastRulingAt) + 7 days;
            if (block.timestamp > windowEnd) return _skip();
            // Wait for the unlock, landing somewhere inside the window.
            if (block.timestamp < r.unlockAt) {
                _warp(r.unlockAt - block.timestamp + timeSeed % (windowEnd - r.unlockAt));
            }
        }
        uint256 shares = _chance(sharesSeed, 2) ? r.shares : _bound(sharesSeed >> 8, 1, r.shares);
        uint256 preview = _minRule(shares, r);
        (bool ok, bytes memory ret) =
            _call(r.owner, abi.encodeCall(IMetaPoolActions.completeWithdrawal, (id, shares, _actor(receiverSeed))));
        if (!ok) {
            return _reverted(
                ret, _errs(IMetaPoolErrors.InsufficientFreeCapital.selector, IMetaPoolErrors.ClaimPending.selector)
            );
        }
        uint256 assets = abi.decode(ret, (uint256));
        _previewed(assets, preview, "completeWithdrawal: min rule");
        ghostOut[r.owner] += assets;
    }

    function cancelWithdrawal(uint256 requestSeed) external action(Act.CancelWithdrawal) {
        (uint256 id, WithdrawalRequest memory r) = _openRequest(requestSeed);
        if (id == 0) return _skip();
        uint256 preview = reader.previewWithdrawal(id).sharesIfCancelled;
        uint256 worth = _toShares(r.assetsAtRequest);
        _previewed(preview, r.shares < worth ? r.shares : worth, "previewWithdraw.sharesIfCancelled vs SPEC");
        (bool ok, bytes memory ret) = _call(r.owner, abi.encodeCall(IMetaPoolActions.cancelWithdrawal, (id)));
        if (!ok) return _reverted(ret, _errs());
        _previewed(abi.decode(ret, (uint256)), preview, "cancelWithdrawal: shares returned");
    }

    function buyProtection(uint256 actorSeed, uint256 poolSeed, uint256 amountSeed) external action(Act.BuyProtection) {
        uint256 poolId = poolSeed % poolCount;
        uint256 capacity = reader.previewBuy(poolId, 0).capacity;
        if (capacity < minPurchase) return _skip();
        if (!_chance(amountSeed, 8)) {
            return _buy(_actor(actorSeed), poolId, _logUniform(amountSeed, minPurchase, capacity));
        }
        // One in eight asks for more than the capacity, C − ΣK (SPEC §3.2: pending reserves nothing). Poke through any backlog
        // of due purchases first, so the quote is exactly what the purchase will see.
        address who = _actor(actorSeed);
        _pokeThrough();
        capacity = reader.previewBuy(poolId, 0).capacity;
        uint256 amount = capacity + 1 + amountSeed % one;
        asset.mint(who, amount);
        (bool ok, bytes memory ret) = _call(who, abi.encodeCall(IMetaPoolActions.buyProtection, (poolId, amount, who)));
        if (!ok) return _reverted(ret, _errs(IMetaPoolErrors.CapacityExceeded.selector));
        ghostIn[who] += amount;
        _unexpected("buyProtection accepted more than its capacity C - sum K");
    }

    /// @notice The free capacity reservation (issue #11): an actor withdraws its cover in the pool at once (at par
    /// right after its purchase matured) and buys all the capacity again. Another buyer must still be able to buy.
    function recycleReservation(uint256 actorSeed, uint256 poolSeed, uint256 otherSeed)
        external
        action(Act.RecycleReservation)
    {
        RawState memory s = reader.rawState();
        if (s.shutDown || s.pendingClaims != 0) return _skip();
        uint256 poolId = poolSeed % poolCount;
        address hog = _actor(actorSeed);
        _pokeThrough();
        address token = reader.pool(poolId).token;
        uint256 tokens = token == address(0) ? 0 : ICoverToken(token).balanceOf(hog);
        if (tokens != 0) {
            (bool ok, bytes memory ret) =
                _call(hog, abi.encodeCall(IMetaPoolActions.withdrawProtection, (poolId, tokens, hog)));
            if (!ok) return _reverted(ret, _errs());
            ghostOut[hog] += abi.decode(ret, (uint256));
        }
        uint256 capacity = reader.previewBuy(poolId, 0).capacity;
        if (capacity < minPurchase) return _skip();
        _buy(hog, poolId, capacity);
        // Pending purchases reserve nothing: the capacity a new buyer sees is unchanged, and a minimum buy works.
        if (reader.previewBuy(poolId, 0).capacity != capacity) {
            ++ghostBlockedBuyers;
            return _unexpected("a pending purchase reserved capacity");
        }
        address other = _actor(otherSeed);
        if (other == hog) return;
        asset.mint(other, minPurchase);
        (bool bought, bytes memory err) =
            _call(other, abi.encodeCall(IMetaPoolActions.buyProtection, ((poolId + 1) % poolCount, minPurchase, other)));
        if (!bought) {
            ++ghostBlockedBuyers;
            return _reverted(err, _errs());
        }
        ghostIn[other] += minPurchase;
    }

    /// @notice The sham claim (issue #11): a cover holder buys in its pool and files a claim in the same second,
    /// freezing its own purchase (the arbiter rules it later through `resolveClaim`).
    function shamClaim(uint256 actorSeed, uint256 poolSeed, uint256 amountSeed) external action(Act.ShamClaim) {
        RawState memory s = reader.rawState();
        if (s.shutDown || s.pendingClaims != 0) return _skip();
        uint256 poolId = poolSeed % poolCount;
        PoolView memory pool = reader.pool(poolId);
        if (pool.active == 0 || pool.token == address(0)) return _skip();
        (address who, uint256 balance) = _tokenHolder(pool.token, actorSeed);
        if (balance == 0) return _skip();
        _pokeThrough();
        uint256 capacity = reader.previewBuy(poolId, 0).capacity;
        if (capacity >= minPurchase) _buy(who, poolId, _logUniform(amountSeed, minPurchase, capacity));
        pool = reader.pool(poolId);
        if (pool.active == 0 || pool.token == address(0) || ICoverToken(pool.token).balanceOf(who) == 0) {
            return _skip();
        }
        asset.mint(who, claimBond);
        (bool ok, bytes memory ret) = _call(
            who, abi.encodeCall(IMetaPoolActions.fileClaim, (poolId, pool.epochOpenedAt, "https://example.org/sham"))
        );
        if (!ok) return _reverted(ret, _errs());
        ghostIn[who] += claimBond;
    }

    /// @notice 17 to 24 purchases in one second, so that more than 16 come due together: actions then revert
    /// `SyncRequired` until `poke` works through them (SPEC §6 step 2). Counts one call, one success per purchase.
    function buyBurst(uint256 countSeed, uint256 seed) external action(Act.BuyBurst) {
        // One call in four: bursts multiply the purchases every later check walks through.
        if (!_chance(seed, 4)) return _skip();
        uint256 count = 17 + countSeed % 8;
        // A backlog of more than 16 due purchases first: maturing takes capacity, so the quote must follow it.
        _pokeThrough();
        uint256 capacity = reader.previewBuy(0, 0).capacity;
        if (capacity / count < minPurchase) return _skip();
        for (uint256 k; k < count; ++k) {
            uint256 h = uint256(keccak256(abi.encode(seed, k)));
            _buy(_actor(h), (h >> 8) % poolCount, _logUniform(h >> 16, minPurchase, capacity / count));
        }
    }

    /// @notice Setup only (not a fuzz target): a purchase of exactly `amount`.
    function seedPurchase(uint256 actorIndex, uint256 poolId, uint256 amount) external action(Act.BuyProtection) {
        _buy(_actors[actorIndex], poolId, amount);
    }

    function _buy(address who, uint256 poolId, uint256 amount) internal {
        asset.mint(who, amount);
        (bool ok, bytes memory ret) = _call(who, abi.encodeCall(IMetaPoolActions.buyProtection, (poolId, amount, who)));
        // The quote projects one batch of 16 maturities; after a poke through a longer backlog the purchases that
        // matured meanwhile took capacity (pending reserves none), so the quote may no longer hold.
        if (!ok) return _reverted(ret, _retried ? _errs(IMetaPoolErrors.CapacityExceeded.selector) : _errs());
        ghostIn[who] += amount;
    }

    function refundPurchase(uint256 callerSeed, uint256 purchaseSeed) external action(Act.RefundPurchase) {
        (uint256 id, Purchase memory p, bool buyerOnly) = _refundable(purchaseSeed);
        if (id == 0) return _skip();
        address caller = buyerOnly ? p.buyer : _actor(callerSeed);
        (bool ok, bytes memory ret) = _call(caller, abi.encodeCall(IMetaPoolActions.refundPurchase, (id)));
        if (!ok) return _reverted(ret, _errs());
        uint256 amount = abi.decode(ret, (uint256));
        _previewed(amount, p.status == PurchaseStatus.Matured ? p.amount - p.accepted : p.amount, "refundPurchase");
        ghostOut[p.buyer] += amount;
    }

    function withdrawProtection(uint256 poolSeed, uint256 actorSeed, uint256 tokensSeed, uint256 receiverSeed)
        external
        action(Act.WithdrawProtection)
    {
        uint256 poolId = poolSeed % poolCount;
        address token = reader.rawPool(poolId).token;
        if (token == address(0)) return _skip();
        (address who, uint256 balance) = _tokenHolder(token, actorSeed);
        if (balance == 0) return _skip();
        uint256 tokens = _chance(tokensSeed, 3) ? balance : _bound(tokensSeed >> 8, 1, balance);
        uint256 preview = reader.previewWithdrawProtection(poolId, tokens);
        _previewed(preview, _coverWithdrawal(poolId, tokens), "previewWithdrawProtection vs SPEC");
        (bool ok, bytes memory ret) =
            _call(who, abi.encodeCall(IMetaPoolActions.withdrawProtection, (poolId, tokens, _actor(receiverSeed))));
        // The sync inside may lapse the epoch first, leaving nothing to withdraw.
        if (!ok) return _reverted(ret, _errs(IMetaPoolErrors.InsufficientCover.selector));
        uint256 assets = abi.decode(ret, (uint256));
        _previewed(assets, preview, "withdrawProtection");
        ghostOut[who] += assets;
    }

    function redeemPayout(uint256 tokenSeed, uint256 actorSeed, uint256 receiverSeed)
        external
        action(Act.RedeemPayout)
    {
        (address token, address who) = _closedHolding(tokenSeed, actorSeed);
        if (who == address(0)) return _skip();
        (uint256 poolId, uint256 epoch) = (_tokenPool[token], _tokenEpoch[token]);
        uint256 preview = _closedPreview(poolId, epoch, ICoverToken(token).balanceOf(who));
        bytes memory data = abi.encodeCall(IMetaPoolActions.redeemPayout, (poolId, epoch, _actor(receiverSeed)));
        (bool ok, bytes memory ret) = _call(who, data);
        if (!ok) return _reverted(ret, _errs());
        uint256 assets = abi.decode(ret, (uint256));
        _previewed(assets, preview, "redeemPayout");
        ghostOut[who] += assets;
    }

    /// @dev A closed epoch's token with something left to redeem, and an actor holding it.
    function _closedHolding(uint256 tokenSeed, uint256 actorSeed) internal view returns (address token, address who) {
        uint256 n = _coverTokens.length;
        for (uint256 k; k < n; ++k) {
            token = _coverTokens[(tokenSeed % n + k) % n];
            uint256 poolId = _tokenPool[token];
            uint256 epoch = _tokenEpoch[token];
            if (epoch >= reader.rawPool(poolId).epoch || reader.closedEpoch(poolId, epoch).supply == 0) continue;
            (address holder, uint256 balance) = _tokenHolder(token, actorSeed);
            if (balance != 0) return (token, holder);
        }
    }

    function fileClaim(uint256 poolSeed, uint256 actorSeed, uint256 incidentSeed, uint256 gateSeed)
        external
        action(Act.FileClaim)
    {
        // Claims freeze deposits, withdrawals and purchases: file one call in two.
        if (!_chance(gateSeed, 2)) return _skip();
        RawState memory s = reader.rawState();
        if (s.shutDown) return _skip();
        uint256 poolId = poolSeed % poolCount;
        // The pool as the claim's own sync will leave it (its epoch may lapse, or lapse and reopen, first).
        PoolView memory pool = reader.pool(poolId);
        if (pool.pendingClaimId != 0 || pool.active == 0 || pool.token == address(0)) return _skip();
        (address who, uint256 balance) = _tokenHolder(pool.token, actorSeed);
        if (balance == 0) return _skip();
        uint256 incident = _bound(incidentSeed, pool.epochOpenedAt, block.timestamp);
        asset.mint(who, claimBond);
        (bool ok, bytes memory ret) =
            _call(who, abi.encodeCall(IMetaPoolActions.fileClaim, (poolId, incident, "https://example.org/incident")));
        if (!ok) {
            // Only a backlog of more than 16 due purchases, worked through before the retry, can move the epoch
            // after the quote (the projection stops at 16).
            if (!_retried) return _reverted(ret, _errs());
            return _reverted(
                ret,
                _errs(
                    IMetaPoolErrors.NoActiveCover.selector,
                    IMetaPoolErrors.IncidentBeforeEpoch.selector,
                    IMetaPoolErrors.NotCoverHolder.selector
                )
            );
        }
        ghostIn[who] += claimBond;
    }

    function resolveClaim(uint256 validSeed) external action(Act.ResolveClaim) {
        RawState memory s = reader.rawState();
        if (s.pendingClaims == 0) return _skip();
        // One ruling in three is valid (a valid claim on an uncapped pool takes all the free capital).
        bool valid = _chance(validSeed, 3);
        (bool ok, bytes memory ret) =
            _call(arbiter, abi.encodeCall(IMetaPoolActions.resolveClaim, (s.claimHead, valid)));
        if (!ok) return _reverted(ret, _errs());
        if (valid) ++ghostValidClaims;
        else ++ghostInvalidClaims;
    }

    function claimFees(uint256 whoSeed, uint256 receiverSeed) external action(Act.ClaimFees) {
        uint256 n = _actors.length + 2;
        for (uint256 k; k < n; ++k) {
            uint256 i = (whoSeed % n + k) % n;
            address who = i == 0 ? arbiter : i == 1 ? creator : _actors[i - 2];
            // Stored balances only (feesOwed projects a whole sync): the arbiter and creator almost always have some.
            if (reader.rawOwed(who) == 0) continue;
            uint256 preview = reader.feesOwed(who);
            (bool ok, bytes memory ret) = _call(who, abi.encodeCall(IMetaPoolActions.claimFees, (_actor(receiverSeed))));
            if (!ok) return _reverted(ret, _errs());
            uint256 amount = abi.decode(ret, (uint256));
            _previewed(amount, preview, "claimFees");
            if (i >= 2) ghostOut[who] += amount;
            return;
        }
        _skip();
    }

    function exit(uint256 actorSeed, uint256 sharesSeed, uint256 receiverSeed) external action(Act.Exit) {
        (address who, uint256 balance) = _shareHolder(actorSeed);
        if (balance == 0) return _skip();
        uint256 shares = _chance(sharesSeed, 2) ? balance : _bound(sharesSeed >> 8, 1, balance);
        uint256 preview = reader.previewExit(shares);
        _previewed(preview, _toAssets(shares), "previewExit vs SPEC");
        (bool ok, bytes memory ret) = _call(who, abi.encodeCall(IMetaPoolActions.exit, (shares, _actor(receiverSeed))));
        // Before a shutdown, exits are refused.
        if (!ok) return _reverted(ret, _errs(IMetaPoolErrors.MetaPoolNotShutDown.selector));
        uint256 assets = abi.decode(ret, (uint256));
        _previewed(assets, preview, "exit");
        ghostOut[who] += assets;
    }

    function poke(uint256 maxItemsSeed) external action(Act.Poke) {
        uint256 maxItems = 1 + maxItemsSeed % 16;
        _partialPoke = maxItems < 16;
        // The views project with the general sync path; a poke with nothing due runs the one-pass path. A poke
        // that processes everything due must leave exactly the projected books.
        MetaPoolView memory projected = reader.metaPoolView();
        bool complete = !reader.rawState().hasDuePurchase || (maxItems == 16 && projected.dueUnprocessed == 0);
        (bool ok, bytes memory ret) = _call(address(this), abi.encodeCall(IMetaPoolActions.poke, (maxItems)));
        _partialPoke = false;
        if (!ok) return _reverted(ret, _errs());
        if (complete) _checkPokeMatchedProjection(projected);
    }

    function _checkPokeMatchedProjection(MetaPoolView memory projected) internal {
        MetaPoolView memory stored = reader.metaPoolView(); // synced this second: the stored books
        _previewed(stored.capital, projected.capital, "poke: capital");
        _previewed(stored.totalActive, projected.totalActive, "poke: sum K");
        _previewed(stored.totalPending, projected.totalPending, "poke: sum R");
        _previewed(stored.feesOwedTotal, projected.feesOwedTotal, "poke: fees owed");
        _previewed(stored.lastSyncAt, projected.lastSyncAt, "poke: time");
        for (uint256 i; i < stored.pools.length; ++i) {
            _previewed(stored.pools[i].active, projected.pools[i].active, "poke: pool K");
            _previewed(stored.pools[i].debt, projected.pools[i].debt, "poke: pool debt");
            _previewed(stored.pools[i].coverSupply, projected.pools[i].coverSupply, "poke: pool supply");
            _previewed(stored.pools[i].epoch, projected.pools[i].epoch, "poke: pool epoch");
        }
    }

    function transferShares(uint256 fromSeed, uint256 toSeed, uint256 amountSeed, uint256 modeSeed)
        external
        action(Act.TransferShares)
    {
        (address from, uint256 balance) = _shareHolder(fromSeed);
        if (balance == 0) return _skip();
        address to = _actor(toSeed);
        uint256 amount = _chance(amountSeed, 4) ? balance : _bound(amountSeed >> 8, 1, balance);
        (uint256 num, uint256 den,) = reader.rawShareUnit();
        bool ok;
        bytes memory ret;
        if (_chance(modeSeed, 2)) {
            (ok, ret) = _call(from, abi.encodeCall(IMetaPoolActions.transfer, (to, amount)));
        } else {
            // Through an allowance, spent by a third actor.
            address spender = _actor(modeSeed >> 8);
            vm.prank(from);
            reader.approve(spender, amount);
            (ok, ret) = _call(spender, abi.encodeCall(IMetaPoolActions.transferFrom, (from, to, amount)));
        }
        if (!ok) return _reverted(ret, _errs());
        _moveValue(from, to, amount, num, den);
    }

    function transferCover(uint256 tokenSeed, uint256 fromSeed, uint256 toSeed, uint256 amountSeed)
        external
        action(Act.TransferCover)
    {
        uint256 n = _coverTokens.length;
        for (uint256 k; k < n; ++k) {
            address token = _coverTokens[(tokenSeed % n + k) % n];
            (address from, uint256 balance) = _tokenHolder(token, fromSeed);
            if (balance == 0) continue;
            address to = _actor(toSeed);
            uint256 amount = _chance(amountSeed, 4) ? balance : _bound(amountSeed >> 8, 1, balance);
            (uint256 num, uint256 den) = _coverUnit(token);
            (bool ok, bytes memory ret) =
                _callTo(token, from, abi.encodeWithSelector(ICoverToken(token).transfer.selector, to, amount));
            if (!ok) return _reverted(ret, _errs());
            _moveValue(from, to, amount, num, den);
            return;
        }
        _skip();
    }

    /// @notice Setup only (not a fuzz target): waits exactly `dt` seconds.
    function seedWarp(uint256 dt) external action(Act.Warp) {
        _warp(dt);
    }

    function warp(uint256 secondsSeed) external action(Act.Warp) {
        uint256 scale = secondsSeed % 10;
        uint256 x = secondsSeed >> 8;
        // Seconds to an hour half the time, hours to days three times in ten, days to three weeks otherwise.
        uint256 dt =
            scale < 5 ? _bound(x, 1, 1 hours) : scale < 8 ? _bound(x, 1 hours, 3 days) : _bound(x, 3 days, 21 days);
        _warp(dt);
    }

    function shutdown(uint256 gateSeed, uint256 callerSeed) external action(Act.Shutdown) {
        RawState memory s = reader.rawState();
        if (s.shutDown) return _skip();
        address caller;
        if (s.pendingClaims == 0) {
            // Permanent, so rare: one call in 64 shuts down (about a third of the runs 512 calls deep).
            if (!_chance(gateSeed, 64)) return _skip();
            caller = arbiter;
        } else {
            // The arbiter stays away: once the first pending claim has waited 30 days, anyone shuts down (SPEC §7).
            if (!_chance(gateSeed, 32)) return _skip();
            uint256 allowedAt = reader.claim(s.claimHead).filedAt + 30 days;
            if (block.timestamp < allowedAt) _warp(allowedAt - block.timestamp);
            caller = _actor(callerSeed);
        }
        (bool ok, bytes memory ret) = _call(caller, abi.encodeCall(IMetaPoolActions.shutdown, ()));
        if (!ok) return _reverted(ret, _errs());
    }

    // =====================================================================================================
    // Ledger (SPEC §3.3)
    // =====================================================================================================

    /// @notice What each actor could take out now, at the pool's own rounding: shares and requests at the share
    /// price, cover tokens at their epoch's value, unmatured or refundable purchases, pending bonds, owed balance.
    function heldValues() public view returns (uint256[] memory v) {
        uint256 n = _actors.length;
        v = new uint256[](n);
        (uint256 num, uint256 den,) = reader.rawShareUnit();
        for (uint256 i; i < n; ++i) {
            v[i] = reader.rawOwed(_actors[i]);
            if (den != 0) v[i] += Math.mulDiv(reader.balanceOf(_actors[i]), num, den);
        }
        WithdrawalRequest[] memory requests = reader.rawRequests(_openRequests.ids);
        for (uint256 k; k < requests.length; ++k) {
            WithdrawalRequest memory r = requests[k];
            if (r.owner == address(0) || den == 0) continue;
            uint256 worth = Math.mulDiv(r.shares, num, den);
            v[_actorIndex(r.owner)] += worth < r.assetsAtRequest ? worth : r.assetsAtRequest;
        }
        (uint256[] memory nums, uint256[] memory dens) = reader.rawCoverUnits(_tokenPools, _tokenEpochs);
        for (uint256 k; k < _coverTokens.length; ++k) {
            if (nums[k] == 0 || dens[k] == 0) continue;
            for (uint256 i; i < n; ++i) {
                uint256 balance = ICoverToken(_coverTokens[k]).balanceOf(_actors[i]);
                if (balance != 0) v[i] += Math.mulDiv(balance, nums[k], dens[k]);
            }
        }
        Purchase[] memory purchases = reader.rawPurchasesAt(_openPurchases.ids);
        for (uint256 k; k < purchases.length; ++k) {
            Purchase memory p = purchases[k];
            v[_actorIndex(p.buyer)] += _refundValue(p);
        }
        Claim[] memory claims = reader.rawClaims();
        for (uint256 k; k < claims.length; ++k) {
            if (claims[k].status == ClaimStatus.Pending) v[_actorIndex(claims[k].filer)] += claims[k].bond;
        }
    }

    /// @dev What a purchase still holds for its buyer: all of it until it matures or is refunded, then the rest.
    function _refundValue(Purchase memory p) internal pure returns (uint256) {
        if (p.status == PurchaseStatus.Pending) return p.amount;
        if (p.status == PurchaseStatus.Matured && !p.restRefunded) return p.amount - p.accepted;
        return 0;
    }

    /// @dev A cover token's value per token: `(K - debt) / supply` while open, `remaining / supply` once closed.
    function _coverUnit(address token) internal view returns (uint256 num, uint256 den) {
        uint256 poolId = _tokenPool[token];
        uint256 epoch = _tokenEpoch[token];
        PoolState memory pool = reader.rawPool(poolId);
        if (epoch == pool.epoch) {
            if (pool.supply == 0) return (0, 1);
            return (pool.active > pool.debt ? pool.active - pool.debt : 0, pool.supply);
        }
        ClosedEpoch memory c = reader.closedEpoch(poolId, epoch);
        if (c.supply == 0) return (0, 1);
        return (c.remaining, c.supply);
    }

    function _units() internal view returns (Units memory u) {
        (u.shareNum, u.shareDen, u.shareEpoch) = reader.rawShareUnit();
        (u.num, u.den) = reader.rawCoverUnits(_tokenPools, _tokenEpochs);
    }

    /// @dev Every rise of a unit's value over one call is what its holders earned: premiums and bonds for
    /// shares, payouts and other holders' rounding for cover. `shares` are each actor's shares (requests
    /// included, an upper bound since requested shares earn nothing) before the call; cover holdings are the
    /// ghost balances, not yet updated with the call's events. Rounded up, so the bound never under-counts.
    function _attribute(Units memory b, Units memory a, uint256[] memory shares) internal {
        // A share epoch closing converts balances: values only shrink (SPEC §4), nothing to attribute.
        if (a.shareEpoch == b.shareEpoch) _earn(b.shareNum, b.shareDen, a.shareNum, a.shareDen, shares);
        uint256 n = b.num.length;
        uint256[] memory held = new uint256[](_actors.length);
        for (uint256 k; k < n; ++k) {
            if (b.den[k] == 0 || a.den[k] == 0 || a.num[k] * b.den[k] <= b.num[k] * a.den[k]) continue;
            for (uint256 i; i < _actors.length; ++i) {
                held[i] = ghostCoverBalance[_coverTokens[k]][_actors[i]];
            }
            _earn(b.num[k], b.den[k], a.num[k], a.den[k], held);
        }
    }

    function _earn(uint256 n1, uint256 d1, uint256 n2, uint256 d2, uint256[] memory held) internal {
        // No tokens before (nobody held any) or after (every holder was paid out and left).
        if (d1 == 0 || d2 == 0) return;
        uint256 after_ = n2 * d1;
        uint256 before_ = n1 * d2;
        if (after_ <= before_) return;
        uint256 rise = after_ - before_;
        uint256 den = d1 * d2;
        for (uint256 i; i < held.length; ++i) {
            if (held[i] != 0) ghostEarned[_actors[i]] += Math.mulDiv(held[i], rise, den, Math.Rounding.Ceil);
        }
    }

    /// @dev A transfer moves value between accounts: the sender gave at most `floor`, the receiver got at most `ceil`.
    function _moveValue(address from, address to, uint256 amount, uint256 num, uint256 den) internal {
        if (from == to) return;
        ghostOut[from] += Math.mulDiv(amount, num, den);
        ghostIn[to] += Math.mulDiv(amount, num, den, Math.Rounding.Ceil);
    }

    // =====================================================================================================
    // Events: capital and fees as an indexer rebuilds them
    // =====================================================================================================

    function _processLogs(Vm.Log[] memory logs) internal {
        for (uint256 k; k < logs.length; ++k) {
            Vm.Log memory log = logs[k];
            if (_knownToken[log.emitter]) {
                if (log.topics[0] == TRANSFER) {
                    uint256 value = abi.decode(log.data, (uint256));
                    address from = address(uint160(uint256(log.topics[1])));
                    address to = address(uint160(uint256(log.topics[2])));
                    if (from != address(0)) ghostCoverBalance[log.emitter][from] -= value;
                    if (to != address(0)) ghostCoverBalance[log.emitter][to] += value;
                }
                continue;
            }
            if (log.emitter != mp) continue;
            bytes32 sig = log.topics[0];
            if (sig == IMetaPoolEvents.Synced.selector) {
                (,,, uint256 toCapital, uint256 arbiterFees, uint256 creatorFees) =
                    abi.decode(log.data, (uint40, uint256, uint256[], uint256, uint256, uint256));
                ghostCapital += toCapital;
                ghostFeesAccrued[arbiter] += arbiterFees;
                ghostFeesAccrued[creator] += creatorFees;
                ghostPremiumCharged += toCapital + arbiterFees + creatorFees;
            } else if (sig == IMetaPoolEvents.Deposited.selector) {
                (uint256 assets,,,) = abi.decode(log.data, (uint256, uint256, uint256, uint256));
                ghostCapital += assets;
            } else if (sig == IMetaPoolEvents.WithdrawalCompleted.selector) {
                (,, uint256 assets, uint256 sharesLeft,,) =
                    abi.decode(log.data, (address, uint256, uint256, uint256, uint256, uint256));
                ghostCapital -= assets;
                if (sharesLeft == 0) _remove(_openRequests, uint256(log.topics[1]));
            } else if (sig == IMetaPoolEvents.Exited.selector) {
                (, uint256 assets,) = abi.decode(log.data, (uint256, uint256, uint256));
                ghostCapital -= assets;
            } else if (sig == IMetaPoolEvents.ClaimResolved.selector) {
                (bool valid, uint256 payout,, uint256 debtCharged,) =
                    abi.decode(log.data, (bool, uint256, uint256, uint256, uint256));
                ghostCapital -= payout;
                if (valid) _paidOut = true;
                if (!valid) ghostCapital += reader.claim(uint256(log.topics[1])).bond;
                _chargeDebt(debtCharged);
                RawState memory s = reader.rawState();
                if (s.pendingClaims == 0) _freezeEnds.push(FreezeEnd(block.timestamp, s.nextPurchaseId));
            } else if (sig == IMetaPoolEvents.ClaimVoided.selector) {
                ++ghostVoidedClaims;
                _chargeDebt(abi.decode(log.data, (uint256)));
            } else if (sig == IMetaPoolEvents.ProtectionWithdrawn.selector) {
                (,,,, uint256 debtCharged,,) =
                    abi.decode(log.data, (uint32, address, uint256, uint256, uint256, uint256, uint256));
                _chargeDebt(debtCharged);
            } else if (sig == IMetaPoolEvents.FeesClaimed.selector) {
                ghostFeesPaid[address(uint160(uint256(log.topics[1])))] += abi.decode(log.data, (uint256));
            } else if (sig == IMetaPoolEvents.CoverEpochOpened.selector) {
                (uint32 epoch, address token,) = abi.decode(log.data, (uint32, address, uint40));
                _coverTokens.push(token);
                _tokenPools.push(uint256(log.topics[1]));
                _tokenEpochs.push(epoch);
                _knownToken[token] = true;
                _tokenPool[token] = uint256(log.topics[1]);
                _tokenEpoch[token] = epoch;
            } else if (sig == IMetaPoolEvents.CoverEpochClosed.selector) {
                (,,, bool lapsed) = abi.decode(log.data, (uint32, uint256, uint256, bool));
                if (lapsed) ++ghostLapses;
            } else if (sig == IMetaPoolEvents.ShareEpochClosed.selector) {
                ++ghostShareEpochsClosed;
            } else if (sig == IMetaPoolEvents.PurchaseMatured.selector) {
                ++ghostMatured;
                uint256 id = uint256(log.topics[1]);
                (, uint256 accepted,, uint40 maturedAt,,) =
                    abi.decode(log.data, (uint32, uint256, uint256, uint40, uint256, uint256));
                _checkFrozenMaturity(id, maturedAt);
                if (accepted == _purchaseAmount[id]) _remove(_openPurchases, id);
            } else if (sig == IMetaPoolEvents.ProtectionBought.selector) {
                uint256 id = uint256(log.topics[1]);
                (, uint256 amount,,) = abi.decode(log.data, (address, uint256, uint40, uint256));
                _purchaseAmount[id] = amount;
                _add(_openPurchases, id);
            } else if (sig == IMetaPoolEvents.PurchaseRefunded.selector) {
                _remove(_openPurchases, uint256(log.topics[1]));
            } else if (sig == IMetaPoolEvents.WithdrawalRequested.selector) {
                _add(_openRequests, uint256(log.topics[1]));
            } else if (sig == IMetaPoolEvents.WithdrawalCancelled.selector) {
                _remove(_openRequests, uint256(log.topics[1]));
            }
        }
    }

    /// @dev Claim debt charged outside a sync: split like any premium (fees round down, capital takes the rest).
    /// @dev A purchase frozen by a claim (bought before the freeze ended, still pending then) may become cover only
    /// `purchaseDelay` after that freeze's end; the latest freeze end before its maturity is the binding one.
    function _checkFrozenMaturity(uint256 id, uint256 maturedAt) internal {
        for (uint256 k = _freezeEnds.length; k != 0; --k) {
            FreezeEnd memory f = _freezeEnds[k - 1];
            if (f.at > maturedAt || id >= f.belowId) continue;
            if (maturedAt < f.at + purchaseDelay && ghostEarlyFrozenMaturities++ == 0) {
                firstEarlyFrozenMaturity = string.concat(
                    "purchase ",
                    vm.toString(id),
                    " matured ",
                    vm.toString(f.at + purchaseDelay - maturedAt),
                    " s before its restarted delay ended"
                );
            }
            return;
        }
    }

    function _chargeDebt(uint256 amount) internal {
        uint256 arbiterFee = amount * arbiterFeeBps / 10_000;
        uint256 creatorFee = amount * creatorFeeBps / 10_000;
        ghostCapital += amount - arbiterFee - creatorFee;
        ghostFeesAccrued[arbiter] += arbiterFee;
        ghostFeesAccrued[creator] += creatorFee;
        ghostPremiumCharged += amount;
    }

    // =====================================================================================================
    // Calls, choices and the summary
    // =====================================================================================================

    /// @dev Calls the MetaPool as `who`; when more than 16 purchases are due, pokes through them and retries once.
    function _call(address who, bytes memory data) internal returns (bool ok, bytes memory ret) {
        return _callTo(mp, who, data);
    }

    function _callTo(address target, address who, bytes memory data) internal returns (bool ok, bytes memory ret) {
        _retried = false;
        (ok, ret) = _logged(target, who, data);
        if (!ok && _selector(ret) == IMetaPoolErrors.SyncRequired.selector) {
            _retried = true;
            _pokeThrough();
            (ok, ret) = _logged(target, who, data);
        }
        if (ok) ++_tally[uint256(_current)].ok;
    }

    /// @dev Pokes until no purchase is left due (SPEC §6: `poke` works through a backlog 16 at a time).
    function _pokeThrough() internal {
        for (uint256 k; k < 64; ++k) {
            (, bytes memory left) = _logged(mp, address(this), abi.encodeCall(IMetaPoolActions.poke, (16)));
            if (abi.decode(left, (uint256)) == 0) break;
        }
    }

    /// @dev One call, whose events update the ghost books only if it succeeded (a reverted call's logs are
    /// still recorded).
    function _logged(address target, address who, bytes memory data) internal returns (bool ok, bytes memory ret) {
        bool onPool = target == mp;
        Units memory before;
        Units memory synced;
        uint256[] memory shares;
        if (onPool) {
            before = _units();
            synced = _projectedUnits();
            shares = reader.rawShareHoldings(_actors, _openRequests.ids);
        }
        vm.recordLogs();
        vm.prank(who);
        (ok, ret) = target.call(data);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        if (!ok) return (ok, ret);
        if (!onPool) {
            _processLogs(logs);
            return (ok, ret);
        }
        // Units the call created (new epochs' tokens) had no holders before it; the ledger attributes with the
        // holdings before the call, so before the call's Transfer events update them.
        Units memory after_ = _units();
        _attribute(before, after_, shares);
        _paidOut = false;
        _processLogs(logs);
        // Share transfers run no sync: their baseline is the stored state before them.
        if (!_partialPoke) _checkNoValueDrop(_syncs(data) ? synced : before, after_);
    }

    function _syncs(bytes memory data) internal pure returns (bool) {
        bytes4 sel = bytes4(data);
        return sel != IMetaPoolActions.transfer.selector && sel != IMetaPoolActions.transferFrom.selector;
    }

    /// @dev The units as the call's own sync will leave them; unknown ones (closed and reopened and closed again
    /// within the sync) get a zero denominator and are not compared.
    function _projectedUnits() internal view returns (Units memory u) {
        bool[] memory known;
        (u.shareNum, u.shareDen, u.num, u.den, known) = reader.projectedUnits(_tokenPools, _tokenEpochs);
        (,, u.shareEpoch) = reader.rawShareUnit();
        for (uint256 k; k < known.length; ++k) {
            if (!known[k]) u.den[k] = 0;
        }
        // Zero denominators: no token exists, or the projection cannot tell; such units are not compared.
    }

    /// @dev After its sync, an action may move value between holders only in the pool's favour: no share or cover
    /// token may be worth less after it, except shares when a valid claim paid out (or closed their epoch).
    function _checkNoValueDrop(Units memory synced, Units memory after_) internal {
        if (!_paidOut && after_.shareEpoch == synced.shareEpoch) {
            _noDrop(synced.shareNum, synced.shareDen, after_.shareNum, after_.shareDen, "share");
        }
        for (uint256 k; k < synced.num.length; ++k) {
            if (synced.den[k] == 0) continue;
            _noDrop(synced.num[k], synced.den[k], after_.num[k], after_.den[k], "cover token");
        }
    }

    function _noDrop(uint256 n0, uint256 d0, uint256 n1, uint256 d1, string memory unit) internal {
        if (d0 == 0 || d1 == 0 || n1 * d0 >= n0 * d1) return;
        if (ghostValueDrops++ == 0) {
            firstValueDrop = string.concat(
                _name(_current),
                " lowered a ",
                unit,
                "'s value from ",
                vm.toString(n0),
                "/",
                vm.toString(d0),
                " to ",
                vm.toString(n1),
                "/",
                vm.toString(d1)
            );
        }
    }

    /// @dev A revert is expected only if its error is listed; anything else (a panic above all) is a finding.
    function _reverted(bytes memory ret, bytes4[] memory expected) internal {
        ++_tally[uint256(_current)].reverted;
        bytes4 sel = _selector(ret);
        for (uint256 k; k < expected.length; ++k) {
            if (sel == expected[k]) return;
        }
        _unexpected(string.concat(_name(_current), " reverted with ", vm.toString(ret)));
    }

    /// @dev Something the SPEC rules out happened (a panic, an unlisted error, an over-capacity purchase).
    function _unexpected(string memory what) internal {
        if (ghostUnexpectedReverts++ == 0) firstUnexpected = what;
    }

    /// @dev An action must pay exactly what its preview showed in the same second (unless it had to poke first), and
    /// a preview must show exactly the SPEC formula at the projected state.
    function _previewed(uint256 actual, uint256 preview, string memory what) internal {
        if (_retried || actual == preview) return;
        if (ghostBrokenPreviews++ == 0) {
            firstBrokenPreview =
                string.concat(what, ": got ", vm.toString(actual), ", preview showed ", vm.toString(preview));
        }
    }

    /// @dev SPEC §5: `floor(tokens × (K − debt) / supply)` at the projected state.
    function _coverWithdrawal(uint256 poolId, uint256 tokens) internal view returns (uint256) {
        PoolView memory v = reader.pool(poolId);
        // More tokens than the projected epoch's supply (the projection lapsed theirs and a matured purchase opened
        // the next): the preview is for the projected epoch's tokens, and these cannot be withdrawn.
        if (v.coverSupply == 0 || tokens > v.coverSupply) return 0;
        return Math.mulDiv(tokens, v.active > v.debt ? v.active - v.debt : 0, v.coverSupply);
    }

    /// @dev What `coverUnderlying` shows for a closed epoch's tokens, checked against `tokens × remaining / supply`.
    function _closedPreview(uint256 poolId, uint256 epoch, uint256 tokens) internal returns (uint256 preview) {
        preview = reader.coverUnderlying(poolId, epoch, tokens);
        ClosedEpoch memory closed = reader.closedEpoch(poolId, epoch);
        _previewed(preview, Math.mulDiv(tokens, closed.remaining, closed.supply), "coverUnderlying vs SPEC");
    }

    /// @dev SPEC §4 at the projected price `(C + 1) / (S + 1)`, rounded down; 1:1 with no shares.
    function _toShares(uint256 assets) internal view returns (uint256) {
        uint256 supply = reader.totalSupply();
        return supply == 0 ? assets : Math.mulDiv(assets, supply + 1, reader.capital() + 1);
    }

    /// @dev What a deposit mints: `_toShares`, but with no shares at all the depositor takes the capital left as
    /// shares at 1:1 too (decision 19: the share price restarts at exactly 1).
    function _depositShares(uint256 assets) internal view returns (uint256) {
        return reader.totalSupply() == 0 ? assets + reader.capital() : _toShares(assets);
    }

    function _toAssets(uint256 shares) internal view returns (uint256) {
        uint256 supply = reader.totalSupply();
        return supply == 0 ? shares : Math.mulDiv(shares, reader.capital() + 1, supply + 1);
    }

    /// @dev SPEC §4's min rule at the projected price: `min(shares × assetsAtRequest / requestShares,
    /// shares × (C + 1) / (S + 1))`, both rounded down.
    function _minRule(uint256 shares, WithdrawalRequest memory r) internal view returns (uint256) {
        uint256 promised = Math.mulDiv(shares, r.assetsAtRequest, r.shares);
        uint256 worth = _toAssets(shares);
        return promised < worth ? promised : worth;
    }

    function _skip() internal {
        _skipped = true;
    }

    function _selector(bytes memory ret) internal pure returns (bytes4 sel) {
        if (ret.length >= 4) sel = bytes4(ret);
    }

    function _errs() internal pure returns (bytes4[] memory list) {
        list = new bytes4[](0);
    }

    function _errs(bytes4 a) internal pure returns (bytes4[] memory list) {
        list = new bytes4[](1);
        list[0] = a;
    }

    function _errs(bytes4 a, bytes4 b) internal pure returns (bytes4[] memory list) {
        list = new bytes4[](2);
        list[0] = a;
        list[1] = b;
    }

    function _errs(bytes4 a, bytes4 b, bytes4 c) internal pure returns (bytes4[] memory list) {
        list = new bytes4[](3);
        list[0] = a;
        list[1] = b;
        list[2] = c;
    }

    /// @dev Hashing keeps the fuzzer's favourite values (0, max) from always passing a gate.
    function _chance(uint256 seed, uint256 oneIn) internal pure returns (bool) {
        return uint256(keccak256(abi.encode(seed, oneIn))) % oneIn == 0;
    }

    function _actor(uint256 seed) internal view returns (address) {
        return _actors[seed % _actors.length];
    }

    function _actorIndex(address account) internal view returns (uint256) {
        for (uint256 i; i < _actors.length; ++i) {
            if (_actors[i] == account) return i;
        }
        revert("not an actor");
    }

    /// @dev The first actor from `seed` on holding shares.
    function _shareHolder(uint256 seed) internal view returns (address who, uint256 balance) {
        uint256 n = _actors.length;
        for (uint256 k; k < n; ++k) {
            who = _actors[(seed % n + k) % n];
            balance = reader.balanceOf(who);
            if (balance != 0) return (who, balance);
        }
    }

    /// @dev The first actor from `seed` on holding `token`.
    function _tokenHolder(address token, uint256 seed) internal view returns (address who, uint256 balance) {
        uint256 n = _actors.length;
        for (uint256 k; k < n; ++k) {
            who = _actors[(seed % n + k) % n];
            balance = ICoverToken(token).balanceOf(who);
            if (balance != 0) return (who, balance);
        }
    }

    /// @dev An open request (shares left) from `seed` on.
    function _openRequest(uint256 seed) internal view returns (uint256 id, WithdrawalRequest memory r) {
        uint256[] memory ids = _openRequests.ids;
        uint256 n = ids.length;
        WithdrawalRequest[] memory requests = reader.rawRequests(ids);
        for (uint256 k; k < n; ++k) {
            uint256 i = (seed % n + k) % n;
            r = requests[i];
            if (r.owner != address(0) && r.shares != 0) return (ids[i], r);
        }
    }

    /// @dev A purchase with something to refund now, from `seed` on; `buyerOnly` for one frozen by a claim.
    function _refundable(uint256 seed) internal view returns (uint256 id, Purchase memory p, bool buyerOnly) {
        RawState memory s = reader.rawState();
        uint256[] memory ids = _openPurchases.ids;
        Purchase[] memory purchases = reader.rawPurchasesAt(ids);
        uint256 n = ids.length;
        for (uint256 k; k < n; ++k) {
            uint256 i = (seed % n + k) % n;
            id = ids[i];
            p = purchases[i];
            if (p.status == PurchaseStatus.Matured && !p.restRefunded && p.accepted < p.amount) return (id, p, false);
            if (p.status != PurchaseStatus.Pending) continue;
            if (id < s.voidedBefore) return (id, p, false);
            // Came due during the freeze, counting a delay restarted by an earlier freeze (SPEC §5).
            uint256 restart = s.freezeEndedAt + purchaseDelay;
            uint256 due = p.maturesAt > restart ? p.maturesAt : restart;
            if (s.pendingClaims != 0 && due <= block.timestamp) return (id, p, true);
        }
        id = 0;
    }

    /// @dev Log-uniform in [lo, hi]: pick a power of ten, then a value inside it.
    function _logUniform(uint256 seed, uint256 lo, uint256 hi) internal pure returns (uint256) {
        if (hi <= lo) return lo;
        uint256 dLo = Math.log10(lo);
        uint256 dHi = Math.log10(hi);
        uint256 d = dLo + seed % (dHi - dLo + 1);
        uint256 mLo = d == dLo ? lo : 10 ** d;
        uint256 mHi = d == dHi ? hi : 10 ** (d + 1) - 1;
        return _bound(uint256(keccak256(abi.encode(seed))), mLo, mHi);
    }

    function _warp(uint256 dt) internal {
        if (_current == Act.Warp) ++_tally[uint256(Act.Warp)].ok;
        ghostWarpedSeconds += dt;
        vm.warp(block.timestamp + dt);
    }

    // ----- read by the invariant suites -----

    function actors() external view returns (address[] memory) {
        return _actors;
    }

    function coverTokens() external view returns (address[] memory) {
        return _coverTokens;
    }

    function tokenPool(address token) external view returns (uint256 poolId, uint256 epoch) {
        return (_tokenPool[token], _tokenEpoch[token]);
    }

    function requestIds() external view returns (uint256[] memory) {
        return _openRequests.ids;
    }

    function openPurchaseIds() external view returns (uint256[] memory) {
        return _openPurchases.ids;
    }

    function _add(IdSet storage set, uint256 id) internal {
        if (set.position[id] != 0) return;
        set.ids.push(id);
        set.position[id] = set.ids.length;
    }

    function _remove(IdSet storage set, uint256 id) internal {
        uint256 pos = set.position[id];
        if (pos == 0) return;
        uint256 last = set.ids[set.ids.length - 1];
        set.ids[pos - 1] = last;
        set.position[last] = pos;
        set.ids.pop();
        delete set.position[id];
    }

    function callSummary() external view {
        console.log("--- MetaPool handler: action, calls, ok, reverted (expected), skipped (precondition) ---");
        uint256 calls;
        uint256 ok;
        for (uint256 a; a < ACTS; ++a) {
            Tally memory t = _tally[a];
            calls += t.calls;
            ok += t.ok;
            console.log(_name(Act(a)), t.calls, t.ok, t.reverted);
            console.log("    skipped", t.skipped);
        }
        console.log("total calls, succeeded", calls, ok);
        console.log("claims valid, invalid, voided", ghostValidClaims, ghostInvalidClaims, ghostVoidedClaims);
        console.log("matured, lapses, share epochs closed", ghostMatured, ghostLapses, ghostShareEpochsClosed);
        console.log("cover tokens, days warped", _coverTokens.length, ghostWarpedSeconds / 1 days);
        console.log("premium charged", ghostPremiumCharged);
        console.log("shut down", reader.rawState().shutDown);
        console.log("unexpected reverts", ghostUnexpectedReverts);
    }

    function _name(Act a) internal pure returns (string memory) {
        string[20] memory names = [
            "deposit",
            "requestWithdrawal",
            "completeWithdrawal",
            "cancelWithdrawal",
            "buyProtection",
            "refundPurchase",
            "withdrawProtection",
            "redeemPayout",
            "fileClaim",
            "resolveClaim",
            "claimFees",
            "exit",
            "poke",
            "transferShares",
            "transferCover",
            "warp",
            "shutdown",
            "buyBurst",
            "recycleReservation",
            "shamClaim"
        ];
        return names[uint256(a)];
    }
}
