// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPoolConfig} from "../../../src/interfaces/MetaPoolTypes.sol";
import {MetaPoolReaderExtension} from "../../mocks/MetaPoolReaderExtension.sol";
import {MockERC20} from "../../mocks/MockERC20.sol";
// Everything from forge-std through Test.sol: importing its files directly adds a second copy of them to the
// compilation, which crashes the wasm solc.
import {StdCheats, StdUtils, TestBase, console} from "forge-std/Test.sol";

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

/// @notice The state MetaPoolHandler's action families share: the MetaPool and its parameters, the actors, the
/// ghost books, the call tally; the `action` modifier every action runs under; the views the invariant suites
/// read, and the call summary.
abstract contract MetaPoolHandlerBase is TestBase, StdCheats, StdUtils {
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

    modifier action(Act act) {
        _current = act;
        _skipped = false;
        _retried = false;
        ++_tally[uint256(act)].calls;
        _;
        if (_skipped) ++_tally[uint256(act)].skipped;
    }

    function _actorIndex(address account) internal view returns (uint256) {
        for (uint256 i; i < _actors.length; ++i) {
            if (_actors[i] == account) return i;
        }
        revert("not an actor");
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
