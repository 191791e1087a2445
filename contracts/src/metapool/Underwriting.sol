// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {WithdrawalRequest} from "../interfaces/MetaPoolTypes.sol";
import {ShareMath} from "../lib/ShareMath.sol";
import {Fees} from "./Fees.sol";
import {ShareToken} from "./ShareToken.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @notice Underwriters (SPEC §4): deposits for shares, two-step withdrawals under the min rule, exit after shutdown.
abstract contract Underwriting is Fees, ShareToken {
    using SafeCast for uint256;

    function deposit(uint256 assets, address receiver) external nonReentrant returns (uint256 shares) {
        _requireAmountAndReceiver(assets, receiver);
        _sync();
        _requireNotShutDown();
        _requireNoClaimPending();
        shares = ShareMath.depositShares(assets, _capital, _shareSupply);
        if (shares == 0) revert ZeroShares(assets);
        _pullAsset(msg.sender, assets);
        _capital = (_capital + assets).toUint128();
        _mintShares(receiver, shares);
        emit Deposit(msg.sender, receiver, assets, shares);
        emit Deposited(msg.sender, receiver, assets, shares, _capital, _shareSupply);
    }

    function requestWithdrawal(uint256 shares) external nonReentrant returns (uint256 requestId) {
        if (shares == 0) revert ZeroAmount();
        _sync();
        uint256 balance = _settleShares(msg.sender);
        if (shares > balance) revert InsufficientShares(shares, balance);
        uint256 assetsAtRequest = ShareMath.toAssets(shares, _capital, _shareSupply);
        _transferShares(msg.sender, address(this), shares);
        requestId = ++_nextRequestId;
        (,,,, uint256 withdrawalPeriod,) = _settings();
        uint40 unlockAt = uint40(block.timestamp + withdrawalPeriod);
        _requests[requestId] =
            WithdrawalRequest(msg.sender, unlockAt, _shareEpoch, shares.toUint128(), assetsAtRequest.toUint128());
        emit WithdrawalRequested(requestId, msg.sender, shares, assetsAtRequest, unlockAt);
    }

    function completeWithdrawal(uint256 requestId, uint256 shares, address receiver)
        external
        nonReentrant
        returns (uint256 assets)
    {
        _requireAmountAndReceiver(shares, receiver);
        _sync();
        WithdrawalRequest storage request = _ownedRequest(requestId);
        uint256 requestShares = _settleRequest(request);
        if (shares > requestShares) revert InsufficientRequestShares(shares, requestShares);
        bool shutDown = _shutDown;
        if (!shutDown) {
            _requireNoClaimPending();
            uint256 unlockAt = request.unlockAt;
            if (block.timestamp < unlockAt) revert WithdrawalLocked(unlockAt);
            uint256 windowEnd = _windowEnd(unlockAt);
            if (block.timestamp > windowEnd) revert WithdrawalWindowClosed(windowEnd);
        }
        uint256 assetsAtRequest = request.assetsAtRequest;
        assets = _requestPayment(shares, requestShares, assetsAtRequest);
        if (!shutDown) {
            uint256 free = _freeCapital();
            if (assets > free) revert InsufficientFreeCapital(free);
        }
        _burnShares(address(this), shares);
        _capital -= uint128(assets);
        uint256 sharesLeft = requestShares - shares;
        // The remaining claim shrinks pro rata, rounded down (in the pool's favour).
        uint256 assetsLeft = assetsAtRequest * sharesLeft / requestShares;
        request.shares = uint128(sharesLeft);
        request.assetsAtRequest = uint128(assetsLeft);
        _pushAsset(receiver, assets);
        emit WithdrawalCompleted(requestId, msg.sender, receiver, shares, assets, sharesLeft, assetsLeft, _capital);
    }

    /// @notice Ends a request: the owner gets back shares worth at most `assetsAtRequest` now; the rest burns,
    /// so a request is never a free option on premiums earned meanwhile.
    function cancelWithdrawal(uint256 requestId) external nonReentrant returns (uint256 sharesReturned) {
        _sync();
        WithdrawalRequest storage request = _ownedRequest(requestId);
        uint256 requestShares = _settleRequest(request);
        uint256 worth = ShareMath.toShares(request.assetsAtRequest, _capital, _shareSupply);
        sharesReturned = requestShares < worth ? requestShares : worth;
        uint256 burned = requestShares - sharesReturned;
        delete _requests[requestId];
        if (sharesReturned != 0) _transferShares(address(this), msg.sender, sharesReturned);
        if (burned != 0) _burnShares(address(this), burned);
        emit WithdrawalCancelled(requestId, msg.sender, sharesReturned, burned);
    }

    /// @dev The min rule at the current price.
    function _requestPayment(uint256 shares, uint256 requestShares, uint256 assetsAtRequest)
        internal
        view
        returns (uint256)
    {
        uint256 worth = ShareMath.toAssets(shares, _capital, _shareSupply);
        return ShareMath.requestPayment(shares, requestShares, assetsAtRequest, worth);
    }

    function _ownedRequest(uint256 requestId) internal view returns (WithdrawalRequest storage request) {
        request = _requests[requestId];
        address owner = request.owner;
        if (owner == address(0)) revert UnknownRequest(requestId);
        if (owner != msg.sender) revert NotRequestOwner(requestId, owner);
    }

    /// @dev Brings a request's shares to the current share epoch.
    function _settleRequest(WithdrawalRequest storage request) internal returns (uint256 shares) {
        uint32 epoch = _shareEpoch;
        if (request.shareEpoch == epoch) return request.shares;
        shares = _convertShares(request.shares, request.shareEpoch);
        request.shares = uint128(shares);
        request.shareEpoch = epoch;
    }
}
