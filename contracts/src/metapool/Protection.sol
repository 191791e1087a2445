// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../interfaces/ICoverToken.sol";
import {Purchase, PurchaseStatus} from "../interfaces/MetaPoolTypes.sol";
import {CoverMath} from "../lib/CoverMath.sol";
import {LapseHint} from "../lib/LapseHint.sol";
import {Fees} from "./Fees.sol";
import {PoolState} from "./MetaPoolStorage.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @notice Seekers (SPEC §5): escrowed purchases that mature after the purchase delay, refunds,
/// withdrawing cover, redeeming closed epochs.
abstract contract Protection is Fees {
    using SafeCast for uint256;

    function buyProtection(uint256 poolId, uint256 amount, address receiver)
        external
        nonReentrant
        returns (uint256 purchaseId)
    {
        _requireAmountAndReceiver(amount, receiver);
        (uint256 poolCount,,,, uint256 purchaseDelay,, uint256 minPurchase) = _settingsWithPoolCount();
        if (poolId >= poolCount) revert InvalidPoolId(poolId, poolCount);
        _sync();
        _requireNotShutDown();
        _requireNoClaimPending();
        if (amount < minPurchase) revert BelowMinPurchase(amount, minPurchase);
        uint256 capacity = _capacity();
        if (amount > capacity) revert CapacityExceeded(capacity);
        _pullAsset(msg.sender, amount);

        purchaseId = _nextPurchaseId;
        (_nextPurchaseId, _queued) = (uint48(purchaseId) + 1, true);
        uint40 maturesAt = uint40(block.timestamp + purchaseDelay);
        Purchase storage purchase = _purchases[purchaseId];
        purchase.buyer = msg.sender;
        purchase.maturesAt = maturesAt;
        purchase.poolId = uint8(poolId);
        purchase.status = PurchaseStatus.Pending;
        purchase.amount = amount.toUint128();
        if (receiver != msg.sender) purchase.receiver = receiver;

        PoolState storage pool = _pools[poolId];
        uint128 poolPending = pool.pending + uint128(amount);
        pool.pending = poolPending;
        emit ProtectionBought(purchaseId, uint8(poolId), msg.sender, receiver, amount, maturesAt, poolPending);
    }

    /// @notice Pays back what a purchase has refundable to its buyer: all of it after a valid claim or a shutdown,
    /// the unaccepted rest of a matured one, or (buyer only) one that came due while a claim froze maturing.
    function refundPurchase(uint256 purchaseId) external nonReentrant returns (uint256 amount) {
        _sync();
        Purchase storage purchase = _purchases[purchaseId];
        PurchaseStatus status = purchase.status;
        if (status == PurchaseStatus.None) revert UnknownPurchase(purchaseId);
        if (status == PurchaseStatus.Refunded) revert NothingToRefund(purchaseId);
        address buyer = purchase.buyer;
        if (status == PurchaseStatus.Matured) {
            amount = purchase.amount - purchase.accepted;
            if (amount == 0 || purchase.restRefunded) revert NothingToRefund(purchaseId);
            purchase.restRefunded = true;
            _refundsOwed -= uint128(amount);
        } else if (purchaseId < _voidedBefore) {
            amount = purchase.amount;
            purchase.status = PurchaseStatus.Refunded;
            _refundsOwed -= uint128(amount);
        } else if (_pendingClaims != 0 && _maturityOf(purchase.maturesAt) <= block.timestamp) {
            if (msg.sender != buyer) revert OnlyBuyer(purchaseId, buyer);
            amount = purchase.amount;
            purchase.status = PurchaseStatus.Refunded;
            _pools[purchase.poolId].pending -= uint128(amount);
        } else {
            revert PurchaseNotRefundable(purchaseId, _maturityOf(purchase.maturesAt));
        }
        _pushAsset(buyer, amount);
        emit PurchaseRefunded(purchaseId, buyer, amount);
    }

    /// @notice Burns cover tokens for their underlying. While a claim on the pool is pending, the tokens first pay
    /// their share of the pool's premium debt (and forfeit their share of the claim).
    function withdrawProtection(uint256 poolId, uint256 tokens, address receiver)
        external
        nonReentrant
        returns (uint256 assets)
    {
        _requireAmountAndReceiver(tokens, receiver);
        _requireValidPool(poolId);
        _sync();
        PoolState storage pool = _pools[poolId];
        address token = pool.token;
        uint256 balance = token == address(0) ? 0 : ICoverToken(token).balanceOf(msg.sender);
        if (tokens > balance) revert InsufficientCover(tokens, balance);
        uint256 charged;
        (assets, charged) = _takeCover(pool, tokens);
        _chargePremium(charged);
        _burnCover(token, msg.sender, tokens);
        uint256 supplyLeft = pool.supply;
        emit ProtectionWithdrawn(
            uint8(poolId), pool.epoch, msg.sender, receiver, tokens, assets, charged, pool.active, supplyLeft
        );
        // An emptied epoch closes, so the next buyer's claims cannot reach back before their cover began.
        if (supplyLeft == 0 && !pool.claimPending) _closeCoverEpoch(poolId, 0, 0, false);
        _pushAsset(receiver, assets);
    }

    /// @dev Removes `tokens`' share from the pool's K, supply and claim debt.
    function _takeCover(PoolState storage pool, uint256 tokens) private returns (uint256 assets, uint256 charged) {
        uint256 active = pool.active;
        uint256 supply = pool.supply;
        uint256 debt = pool.debt;
        uint256 debtShare;
        (assets, charged, debtShare) = CoverMath.withdrawal(tokens, active, supply, debt);
        uint256 supplyLeft = supply - tokens;
        (pool.active, pool.lapseHint) = (uint128(active - charged - assets), LapseHint.encode(supplyLeft));
        (pool.supply, pool.debt) = (uint128(supplyLeft), uint128(debt - debtShare));
        _totalActive -= uint128(charged + assets);
    }

    /// @dev Capacity for a new purchase: `C - ΣK`, what could be accepted if it matured now. Pending purchases
    /// reserve nothing (SPEC revision 4), so buying and never holding cover cannot block other buyers;
    /// maturing, in queue order, decides acceptance.
    function _capacity() internal view returns (uint256) {
        return _freeCapital();
    }
}
