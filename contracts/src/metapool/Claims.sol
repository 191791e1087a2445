// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../interfaces/ICoverToken.sol";
import {Claim, ClaimStatus} from "../interfaces/MetaPoolTypes.sol";
import {Payout} from "../lib/Payout.sol";
import {PoolState} from "./MetaPoolStorage.sol";
import {Underwriting} from "./Underwriting.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @notice Claims and shutdown (SPEC §7, §8): bonded filing by cover holders, rulings in filing order,
/// the payout formula, new epochs, refunds, and the 30-day timeout.
abstract contract Claims is Underwriting {
    function fileClaim(uint256 poolId, uint256 incidentTime, string calldata evidence)
        external
        nonReentrant
        returns (uint256 claimId)
    {
        _requireValidPool(poolId);
        _sync();
        _requireNotShutDown();
        PoolState storage pool = _pools[poolId];
        uint256 pendingId = pool.claimId;
        if (pendingId != 0) revert PoolClaimPending(poolId, pendingId);
        if (pool.active == 0) revert NoActiveCover(poolId);
        if (ICoverToken(pool.token).balanceOf(msg.sender) == 0) revert NotCoverHolder(poolId);
        uint256 openedAt = pool.openedAt;
        if (incidentTime < openedAt) revert IncidentBeforeEpoch(incidentTime, openedAt);
        if (incidentTime > block.timestamp) revert IncidentInFuture(incidentTime, block.timestamp);
        if (bytes(evidence).length > MAX_EVIDENCE) revert EvidenceTooLong(bytes(evidence).length, MAX_EVIDENCE);

        uint128 bond = uint128(_claimBond());
        _pullAsset(msg.sender, bond);
        _bondsHeld += bond;
        claimId = _recordClaim(poolId, incidentTime, bond, evidence);
    }

    function _recordClaim(uint256 poolId, uint256 incidentTime, uint128 bond, string calldata evidence)
        private
        returns (uint256 claimId)
    {
        PoolState storage pool = _pools[poolId];
        claimId = _nextClaimId++;
        bytes32 evidenceHash = keccak256(bytes(evidence));
        uint32 epoch = pool.epoch;
        _claims[claimId] = Claim({
            filer: msg.sender,
            poolId: uint8(poolId),
            status: ClaimStatus.Pending,
            filedAt: uint40(block.timestamp),
            incidentTime: uint40(incidentTime),
            epoch: epoch,
            resolvedAt: 0,
            bond: bond,
            evidenceHash: evidenceHash
        });
        (pool.claimId, pool.claimPending) = (uint64(claimId), true);
        ++_pendingClaims;
        emit ClaimFiled(claimId, uint8(poolId), epoch, msg.sender, uint40(incidentTime), bond, evidenceHash, evidence);
    }

    function resolveClaim(uint256 claimId, bool valid) external nonReentrant {
        address arbiter = _arbiter();
        if (msg.sender != arbiter) revert NotArbiter(arbiter);
        Claim storage claim = _claims[claimId];
        if (claim.status != ClaimStatus.Pending) revert ClaimNotPending(claimId);
        if (claimId != _claimHead) revert EarlierClaimPending(_claimHead);
        _sync();
        uint256 poolId = claim.poolId;
        if (valid) _payClaim(claimId, claim, poolId);
        else _rejectClaim(claimId, claim, poolId, ClaimStatus.Invalid);
        claim.resolvedAt = uint40(block.timestamp);
        _claimHead = uint64(claimId + 1);
        _lastRulingAt = uint40(block.timestamp);
        if (--_pendingClaims == 0) _endFreeze();
    }

    /// @dev The last pending claim was ruled: every purchase still queued was frozen by it and restarts its delay
    /// (SPEC §5, revision 4), so cover bought around an incident cannot mature between a rejected (perhaps sham)
    /// claim and the honest one that follows it.
    function _endFreeze() private {
        _freezeEndedAt = uint40(block.timestamp);
        uint256 head = _queueHead;
        uint256 next = _nextPurchaseId;
        (,,, uint256 purchaseDelay,,) = _settings();
        if (head < next) emit PurchasesRestarted(head, next, uint40(block.timestamp + purchaseDelay));
    }

    /// @notice By the arbiter when no claim is pending, or by anyone once a claim has been pending 30 days.
    function shutdown() external nonReentrant {
        _requireNotShutDown();
        if (_pendingClaims == 0) {
            address arbiter = _arbiter();
            if (msg.sender != arbiter) revert NotArbiter(arbiter);
        } else {
            uint256 allowedAt = _claims[_claimHead].filedAt + CLAIM_TIMEOUT;
            if (block.timestamp < allowedAt) revert ShutdownNotAllowed(_claimHead, allowedAt);
        }
        _sync();
        uint256 n = _poolCount();
        for (uint256 i; i < n; ++i) {
            // The flag sits in the slot the sync just read; the id is read only for a pool that has a claim.
            if (!_pools[i].claimPending) continue;
            uint256 claimId = _pools[i].claimId;
            _rejectClaim(claimId, _claims[claimId], i, ClaimStatus.Voided);
        }
        _pendingClaims = 0;
        _claimHead = _nextClaimId;
        _freezeEndedAt = uint40(block.timestamp);
        _voidPendingPurchases();
        _shutDown = true;
        emit MetaPoolShutDown(msg.sender, uint40(block.timestamp));
    }

    /// @dev A valid ruling: `P` leaves capital; the epoch's holders redeem `K + P` less the claim's premium debt.
    function _payClaim(uint256 claimId, Claim storage claim, uint256 poolId) private {
        _credit(claim.filer, claim.bond);
        _bondsHeld -= claim.bond;
        PoolState storage pool = _pools[poolId];
        uint256 active = pool.active;
        uint256 supply = pool.supply;
        (,, uint256 payoutMultiple,,,) = _settings();
        uint256 payout = supply == 0 ? 0 : Payout.payout(active, _freeCapital(), payoutMultiple);
        _capital -= uint128(payout);
        uint256 gross = active + payout;
        uint256 debt = pool.debt;
        uint256 debtCharged = debt < gross ? debt : gross;
        uint256 redeemable = gross - debtCharged;
        _chargePremium(debtCharged);
        _totalActive -= uint128(active);
        _redeemableTotal = SafeCast.toUint128(_redeemableTotal + redeemable);
        _closeCoverEpoch(poolId, redeemable, supply, false);
        _voidPendingPurchases();
        claim.status = ClaimStatus.Valid;
        _closeShareEpochIfWiped();
        emit ClaimResolved(claimId, uint8(poolId), true, payout, redeemable, debtCharged, _capital);
    }

    /// @dev An invalid ruling, or a claim voided by shutdown: the pool pays its premium debt from K (capped;
    /// this may lapse it). An invalid claim's bond goes to capital; a voided claim's bond goes back to its filer.
    function _rejectClaim(uint256 claimId, Claim storage claim, uint256 poolId, ClaimStatus status) private {
        uint256 bond = claim.bond;
        _bondsHeld -= uint128(bond);
        if (status == ClaimStatus.Invalid) _capital += uint128(bond);
        else _credit(claim.filer, bond);
        PoolState storage pool = _pools[poolId];
        uint256 active = pool.active;
        uint256 debt = pool.debt;
        uint256 charged = debt < active ? debt : active;
        active -= charged;
        (pool.active, pool.claimPending) = (uint128(active), false);
        pool.debt = 0;
        pool.claimId = 0;
        _totalActive -= uint128(charged);
        _chargePremium(charged);
        uint256 supply = pool.supply;
        if (active * DUST_RATIO < supply) {
            _totalActive -= uint128(active);
            _redeemableTotal += uint128(active);
            _closeCoverEpoch(poolId, active, supply, true);
        } else if (supply == 0) {
            _closeCoverEpoch(poolId, 0, 0, false);
        }
        claim.status = status;
        if (status == ClaimStatus.Voided) {
            claim.resolvedAt = uint40(block.timestamp);
            emit ClaimVoided(claimId, uint8(poolId), charged);
        } else {
            emit ClaimResolved(claimId, uint8(poolId), false, 0, 0, charged, _capital);
        }
    }

    /// @dev Every pending purchase becomes refundable in full; maturing resumes after them.
    function _voidPendingPurchases() private {
        uint256 next = _nextPurchaseId;
        uint256 head = _queueHead;
        if (head == next) return;
        // Σ R is not stored (only buying and maturing would use it): add up the pools' R while clearing them.
        uint256 total;
        uint256 n = _poolCount();
        for (uint256 i; i < n; ++i) {
            PoolState storage pool = _pools[i];
            uint256 pending = pool.pending;
            if (pending == 0) continue;
            total += pending;
            pool.pending = 0;
        }
        if (total != 0) _refundsOwed = SafeCast.toUint128(_refundsOwed + total);
        _voidedBefore = uint64(next);
        (_queueHead, _queued) = (uint64(next), false);
        emit PurchasesVoided(head, next, total);
    }

    /// @dev A near-full wipe (capital below 1e-9 of the shares' 1:1 value) closes the share epoch.
    function _closeShareEpochIfWiped() private {
        uint256 supply = _shareSupply;
        uint256 capital = _capital;
        if (supply == 0 || capital * DUST_RATIO >= supply) return;
        uint32 closed = _closeShareEpoch(capital);
        emit ShareEpochClosed(closed, closed + 1, capital, supply);
    }
}
