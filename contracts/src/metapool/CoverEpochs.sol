// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../interfaces/ICoverToken.sol";
import {ClosedEpoch} from "../interfaces/MetaPoolTypes.sol";
import {MetaPoolStorage, PoolState} from "./MetaPoolStorage.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";

/// @notice Opening and closing coverage pool epochs (SPEC §5): one cover token per epoch, created at its first mint.
abstract contract CoverEpochs is MetaPoolStorage {
    /// @dev Opens pool `poolId`'s current epoch at `openedAt` with a fresh cover token clone.
    function _openCoverEpoch(uint256 poolId, uint256 openedAt) internal returns (address token) {
        PoolState storage pool = _pools[poolId];
        uint32 epoch = pool.epoch;
        token = Clones.cloneWithImmutableArgs(
            _coverTokenImplementation, abi.encodePacked(address(this), uint8(poolId), epoch, _config.decimals)
        );
        pool.openedAt = uint40(openedAt);
        pool.token = token;
        _epochTokens[poolId][epoch] = token;
        emit CoverEpochOpened(uint8(poolId), epoch, token, uint40(openedAt));
    }

    /// @dev Closes the current epoch: its `supply` tokens redeem `redeemable` pro rata through `redeemPayout`.
    /// Clears the pool's hot state; the caller accounts `redeemable` in `_redeemableTotal`.
    function _closeCoverEpoch(uint256 poolId, uint256 redeemable, uint256 supply, bool lapsed) internal {
        PoolState storage pool = _pools[poolId];
        uint32 epoch = pool.epoch;
        if (supply != 0) _closedEpochs[poolId][epoch] = ClosedEpoch(uint128(redeemable), uint128(supply));
        pool.active = 0;
        pool.supply = 0;
        pool.creditWad = 0;
        pool.debt = 0;
        pool.epoch = epoch + 1;
        pool.openedAt = 0;
        pool.token = address(0);
        emit CoverEpochClosed(uint8(poolId), epoch, redeemable, supply, lapsed);
    }

    function _mintCover(address token, address to, uint256 amount) internal {
        ICoverToken(token).mint(to, amount);
    }

    function _burnCover(address token, address from, uint256 amount) internal {
        ICoverToken(token).burn(from, amount);
    }
}
