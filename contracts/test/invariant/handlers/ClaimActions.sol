// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMetaPoolErrors} from "../../../src/interfaces/IMetaPoolErrors.sol";
import {PoolView} from "../../../src/interfaces/MetaPoolTypes.sol";
import {RawState} from "../../mocks/MetaPoolReaderExtension.sol";
import {HandlerCalls} from "./HandlerCalls.sol";
import {IMetaPoolActions} from "./MetaPoolHandlerBase.sol";

/// @notice MetaPoolHandler's claim actions (SPEC §7): filing, ruling, and collecting fees and returned bonds.
abstract contract ClaimActions is HandlerCalls {
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
}
