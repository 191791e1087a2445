// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../interfaces/ICoverToken.sol";
import {ClosedEpoch} from "../interfaces/MetaPoolTypes.sol";
import {ShareMath} from "../lib/ShareMath.sol";
import {Fees} from "./Fees.sol";
import {ShareToken} from "./ShareToken.sol";

/// @notice Taking money out after the fact: redeeming closed cover epochs, exiting after shutdown,
/// collecting fees and returned bonds. Lives in the extension facet.
abstract contract Settlement is Fees, ShareToken {
    /// @notice Pays the caller everything it is owed: its fee balance (both, when arbiter and creator are one
    /// address) and any returned claim bonds.
    function claimFees(address receiver) external nonReentrant returns (uint256 amount) {
        if (receiver == address(0)) revert ZeroAddress();
        _sync();
        amount = _owed[msg.sender];
        if (amount != 0) {
            _owed[msg.sender] = 0;
            _owedTotal -= uint128(amount);
        }
        if (msg.sender == _arbiter()) {
            amount += _arbiterFees;
            _arbiterFees = 0;
        }
        if (msg.sender == _creator()) {
            amount += _creatorFees;
            _creatorFees = 0;
        }
        if (amount == 0) revert NoFees();
        _pushAsset(receiver, amount);
        emit FeesClaimed(msg.sender, receiver, amount);
    }

    /// @notice Redeems the caller's tokens of a closed epoch (valid claim or lapse) for their share of what is left.
    function redeemPayout(uint256 poolId, uint256 epoch, address receiver)
        external
        nonReentrant
        returns (uint256 assets)
    {
        if (receiver == address(0)) revert ZeroAddress();
        _requireValidPool(poolId);
        _sync();
        if (epoch >= _pools[poolId].epoch) revert EpochNotClosed(poolId, epoch);
        address token = _epochTokens[poolId][epoch];
        uint256 tokens = token == address(0) ? 0 : ICoverToken(token).balanceOf(msg.sender);
        ClosedEpoch storage closed = _closedEpochs[poolId][epoch];
        if (tokens == 0 || closed.supply == 0) revert NothingToRedeem(poolId, epoch);
        // Pro rata of what is left, rounded down: the last redeemer takes the rounding dust.
        assets = tokens * closed.remaining / closed.supply;
        closed.remaining -= uint128(assets);
        closed.supply -= uint128(tokens);
        _redeemableTotal -= uint128(assets);
        _burnCover(token, msg.sender, tokens);
        _pushAsset(receiver, assets);
        emit PayoutRedeemed(uint8(poolId), uint32(epoch), msg.sender, receiver, tokens, assets);
    }

    /// @notice After shutdown, underwriters leave at once at the share price (cover no longer binds capital).
    function exit(uint256 shares, address receiver) external nonReentrant returns (uint256 assets) {
        _requireAmountAndReceiver(shares, receiver);
        if (!_shutDown) revert MetaPoolNotShutDown();
        _sync();
        uint256 balance = _settleShares(msg.sender);
        if (shares > balance) revert InsufficientShares(shares, balance);
        assets = ShareMath.toAssets(shares, _capital, _shareSupply);
        _burnShares(msg.sender, shares);
        _capital -= uint128(assets);
        _pushAsset(receiver, assets);
        emit Exited(msg.sender, receiver, shares, assets, _capital);
    }
}
