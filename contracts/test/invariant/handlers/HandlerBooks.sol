// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../../../src/interfaces/ICoverToken.sol";
import {IMetaPoolEvents} from "../../../src/interfaces/IMetaPoolEvents.sol";
import {
    Claim,
    ClaimStatus,
    ClosedEpoch,
    Purchase,
    PurchaseStatus,
    WithdrawalRequest
} from "../../../src/interfaces/MetaPoolTypes.sol";
import {PoolState} from "../../../src/metapool/MetaPoolStorage.sol";
import {RawState} from "../../mocks/MetaPoolReaderExtension.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
// Everything from forge-std through Test.sol: importing its files directly adds a second copy of them to the
// compilation, which crashes the wasm solc.
import {MetaPoolHandlerBase} from "./MetaPoolHandlerBase.sol";
import {Vm} from "forge-std/Test.sol";

/// @notice MetaPoolHandler's ghost books: the per-account ledger (SPEC §3.3) and capital and fees rebuilt from
/// the events.
abstract contract HandlerBooks is MetaPoolHandlerBase {
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
}
