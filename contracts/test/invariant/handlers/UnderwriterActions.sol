// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMetaPoolErrors} from "../../../src/interfaces/IMetaPoolErrors.sol";
import {WithdrawalRequest} from "../../../src/interfaces/MetaPoolTypes.sol";
import {RawState} from "../../mocks/MetaPoolReaderExtension.sol";
import {HandlerCalls} from "./HandlerCalls.sol";
import {IMetaPoolActions} from "./MetaPoolHandlerBase.sol";

/// @notice MetaPoolHandler's underwriter actions (SPEC §4): deposits, withdrawal requests, completions and
/// cancellations, exits after a shutdown, and share transfers.
abstract contract UnderwriterActions is HandlerCalls {
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
}
