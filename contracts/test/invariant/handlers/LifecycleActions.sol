// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPoolView} from "../../../src/interfaces/MetaPoolTypes.sol";
import {RawState} from "../../mocks/MetaPoolReaderExtension.sol";
import {HandlerCalls} from "./HandlerCalls.sol";
import {IMetaPoolActions} from "./MetaPoolHandlerBase.sol";

/// @notice MetaPoolHandler's time and lifecycle actions: poke, warp and shutdown.
abstract contract LifecycleActions is HandlerCalls {
    function poke(uint256 maxItemsSeed) external action(Act.Poke) {
        uint256 maxItems = 1 + maxItemsSeed % 16;
        _partialPoke = maxItems < 16;
        // The views project with the general sync path; a poke with nothing due runs the one-pass path. A poke
        // that processes everything due must leave exactly the projected books.
        MetaPoolView memory projected = reader.metaPoolView();
        bool complete = !reader.rawState().hasDuePurchase || (maxItems == 16 && projected.dueUnprocessed == 0);
        (bool ok, bytes memory ret) = _call(address(this), abi.encodeCall(IMetaPoolActions.poke, (maxItems)));
        _partialPoke = false;
        if (!ok) return _reverted(ret, _errs());
        if (complete) _checkPokeMatchedProjection(projected);
    }

    function _checkPokeMatchedProjection(MetaPoolView memory projected) internal {
        MetaPoolView memory stored = reader.metaPoolView(); // synced this second: the stored books
        _previewed(stored.capital, projected.capital, "poke: capital");
        _previewed(stored.totalActive, projected.totalActive, "poke: sum K");
        _previewed(stored.totalPending, projected.totalPending, "poke: sum R");
        _previewed(stored.feesOwedTotal, projected.feesOwedTotal, "poke: fees owed");
        _previewed(stored.lastSyncAt, projected.lastSyncAt, "poke: time");
        for (uint256 i; i < stored.pools.length; ++i) {
            _previewed(stored.pools[i].active, projected.pools[i].active, "poke: pool K");
            _previewed(stored.pools[i].debt, projected.pools[i].debt, "poke: pool debt");
            _previewed(stored.pools[i].coverSupply, projected.pools[i].coverSupply, "poke: pool supply");
            _previewed(stored.pools[i].epoch, projected.pools[i].epoch, "poke: pool epoch");
        }
    }

    /// @notice Setup only (not a fuzz target): waits exactly `dt` seconds.
    function seedWarp(uint256 dt) external action(Act.Warp) {
        _warp(dt);
    }

    function warp(uint256 secondsSeed) external action(Act.Warp) {
        uint256 scale = secondsSeed % 10;
        uint256 x = secondsSeed >> 8;
        // Seconds to an hour half the time, hours to days three times in ten, days to three weeks otherwise.
        uint256 dt =
            scale < 5 ? _bound(x, 1, 1 hours) : scale < 8 ? _bound(x, 1 hours, 3 days) : _bound(x, 3 days, 21 days);
        _warp(dt);
    }

    function shutdown(uint256 gateSeed, uint256 callerSeed) external action(Act.Shutdown) {
        RawState memory s = reader.rawState();
        if (s.shutDown) return _skip();
        address caller;
        if (s.pendingClaims == 0) {
            // Permanent, so rare: one call in 64 shuts down (about a third of the runs 512 calls deep).
            if (!_chance(gateSeed, 64)) return _skip();
            caller = arbiter;
        } else {
            // The arbiter stays away: once the first pending claim has waited 30 days, anyone shuts down (SPEC §7).
            if (!_chance(gateSeed, 32)) return _skip();
            uint256 allowedAt = reader.claim(s.claimHead).filedAt + 30 days;
            if (block.timestamp < allowedAt) _warp(allowedAt - block.timestamp);
            caller = _actor(callerSeed);
        }
        (bool ok, bytes memory ret) = _call(caller, abi.encodeCall(IMetaPoolActions.shutdown, ()));
        if (!ok) return _reverted(ret, _errs());
    }
}
