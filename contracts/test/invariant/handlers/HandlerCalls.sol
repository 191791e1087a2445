// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../../../src/interfaces/ICoverToken.sol";
import {IMetaPoolErrors} from "../../../src/interfaces/IMetaPoolErrors.sol";
import {
    ClosedEpoch,
    PoolView,
    Purchase,
    PurchaseStatus,
    WithdrawalRequest
} from "../../../src/interfaces/MetaPoolTypes.sol";
import {RawState} from "../../mocks/MetaPoolReaderExtension.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
// Everything from forge-std through Test.sol: importing its files directly adds a second copy of them to the
// compilation, which crashes the wasm solc.
import {HandlerBooks} from "./HandlerBooks.sol";
import {IMetaPoolActions} from "./MetaPoolHandlerBase.sol";
import {Vm} from "forge-std/Test.sol";

/// @notice How MetaPoolHandler's actions call the MetaPool (logged, retried after a poke when purchases are
/// due), the checks on each call (previews, value drops, expected reverts), and the choices of actors and ids.
abstract contract HandlerCalls is HandlerBooks {
    // =====================================================================================================
    // Calls, checks and choices
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
}
