// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../../../src/interfaces/ICoverToken.sol";
import {PoolView} from "../../../src/interfaces/MetaPoolTypes.sol";
import {RawState} from "../../mocks/MetaPoolReaderExtension.sol";
import {IMetaPoolActions} from "./MetaPoolHandlerBase.sol";
import {SeekerActions} from "./SeekerActions.sol";

/// @notice MetaPoolHandler's revision 4 attacks, as moves any actor may make: recycling a capacity reservation
/// and the sham claim.
abstract contract AttackActions is SeekerActions {
    /// @notice The free capacity reservation (issue #11): an actor withdraws its cover in the pool at once (at par
    /// right after its purchase matured) and buys all the capacity again. Another buyer must still be able to buy.
    function recycleReservation(uint256 actorSeed, uint256 poolSeed, uint256 otherSeed)
        external
        action(Act.RecycleReservation)
    {
        RawState memory s = reader.rawState();
        if (s.shutDown || s.pendingClaims != 0) return _skip();
        uint256 poolId = poolSeed % poolCount;
        address hog = _actor(actorSeed);
        _pokeThrough();
        address token = reader.pool(poolId).token;
        uint256 tokens = token == address(0) ? 0 : ICoverToken(token).balanceOf(hog);
        if (tokens != 0) {
            (bool ok, bytes memory ret) =
                _call(hog, abi.encodeCall(IMetaPoolActions.withdrawProtection, (poolId, tokens, hog)));
            if (!ok) return _reverted(ret, _errs());
            ghostOut[hog] += abi.decode(ret, (uint256));
        }
        uint256 capacity = reader.previewBuy(poolId, 0).capacity;
        if (capacity < minPurchase) return _skip();
        _buy(hog, poolId, capacity);
        // Pending purchases reserve nothing: the capacity a new buyer sees is unchanged, and a minimum buy works.
        if (reader.previewBuy(poolId, 0).capacity != capacity) {
            ++ghostBlockedBuyers;
            return _unexpected("a pending purchase reserved capacity");
        }
        address other = _actor(otherSeed);
        if (other == hog) return;
        asset.mint(other, minPurchase);
        (bool bought, bytes memory err) =
            _call(other, abi.encodeCall(IMetaPoolActions.buyProtection, ((poolId + 1) % poolCount, minPurchase, other)));
        if (!bought) {
            ++ghostBlockedBuyers;
            return _reverted(err, _errs());
        }
        ghostIn[other] += minPurchase;
    }

    /// @notice The sham claim (issue #11): a cover holder buys in its pool and files a claim in the same second,
    /// freezing its own purchase (the arbiter rules it later through `resolveClaim`).
    function shamClaim(uint256 actorSeed, uint256 poolSeed, uint256 amountSeed) external action(Act.ShamClaim) {
        RawState memory s = reader.rawState();
        if (s.shutDown || s.pendingClaims != 0) return _skip();
        uint256 poolId = poolSeed % poolCount;
        PoolView memory pool = reader.pool(poolId);
        if (pool.active == 0 || pool.token == address(0)) return _skip();
        (address who, uint256 balance) = _tokenHolder(pool.token, actorSeed);
        if (balance == 0) return _skip();
        _pokeThrough();
        uint256 capacity = reader.previewBuy(poolId, 0).capacity;
        if (capacity >= minPurchase) _buy(who, poolId, _logUniform(amountSeed, minPurchase, capacity));
        pool = reader.pool(poolId);
        if (pool.active == 0 || pool.token == address(0) || ICoverToken(pool.token).balanceOf(who) == 0) {
            return _skip();
        }
        asset.mint(who, claimBond);
        (bool ok, bytes memory ret) = _call(
            who, abi.encodeCall(IMetaPoolActions.fileClaim, (poolId, pool.epochOpenedAt, "https://example.org/sham"))
        );
        if (!ok) return _reverted(ret, _errs());
        ghostIn[who] += claimBond;
    }
}
