// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../interfaces/ICoverToken.sol";
import {ClosedEpoch} from "../interfaces/MetaPoolTypes.sol";
import {ConfigArgs} from "../lib/ConfigArgs.sol";
import {MetaPoolStorage, PoolState} from "./MetaPoolStorage.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";

/// @notice Opening and closing coverage pool epochs (SPEC §5): one cover token per epoch, created at its first mint.
abstract contract CoverEpochs is MetaPoolStorage {
    /// @dev Opens pool `poolId`'s current epoch at `openedAt` with a fresh cover token clone.
    function _openCoverEpoch(uint256 poolId, uint256 openedAt) internal returns (address token) {
        PoolState storage pool = _pools[poolId];
        uint32 epoch = pool.epoch;
        token = Clones.cloneWithImmutableArgs(
            ConfigArgs.addressAt(ConfigArgs.COVER_TOKEN_IMPLEMENTATION),
            abi.encodePacked(address(this), uint8(poolId), epoch, _decimals)
        );
        pool.openedAt = uint40(openedAt);
        pool.token = token;
        _epochTokens[poolId][epoch] = token;
        emit CoverEpochOpened(uint8(poolId), epoch, token, uint40(openedAt));
    }

    /// @dev Closes the current epoch: its `supply` tokens redeem `redeemable` pro rata through `redeemPayout`.
    /// Clears the pool's hot state (slots 0 and 1, the token and any claim); the caller accounts `redeemable`
    /// in `_redeemableTotal`.
    function _closeCoverEpoch(uint256 poolId, uint256 redeemable, uint256 supply, bool lapsed) internal {
        PoolState storage pool = _pools[poolId];
        uint32 epoch = pool.epoch;
        if (supply != 0) _closedEpochs[poolId][epoch] = ClosedEpoch(uint128(redeemable), uint128(supply));
        (pool.active, pool.creditWad, pool.lapseHint, pool.claimPending) = (0, 0, 0, false);
        (pool.supply, pool.debt) = (0, 0);
        pool.openedAt = 0;
        (pool.token, pool.epoch, pool.claimId) = (address(0), epoch + 1, 0);
        emit CoverEpochClosed(uint8(poolId), epoch, redeemable, supply, lapsed);
    }

    function _mintCover(address token, address to, uint256 amount) internal {
        ICoverToken(token).mint(to, amount);
    }

    function _burnCover(address token, address from, uint256 amount) internal {
        ICoverToken(token).burn(from, amount);
    }
}
