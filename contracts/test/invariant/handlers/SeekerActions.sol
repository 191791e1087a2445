// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../../../src/interfaces/ICoverToken.sol";
import {IMetaPoolErrors} from "../../../src/interfaces/IMetaPoolErrors.sol";
import {Purchase, PurchaseStatus} from "../../../src/interfaces/MetaPoolTypes.sol";
import {HandlerCalls} from "./HandlerCalls.sol";
import {IMetaPoolActions} from "./MetaPoolHandlerBase.sol";

/// @notice MetaPoolHandler's seeker actions (SPEC §5, §6): purchases (alone and in bursts), refunds, withdrawing
/// cover, redeeming closed epochs, and cover token transfers.
abstract contract SeekerActions is HandlerCalls {
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
}
