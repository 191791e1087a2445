// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPoolParams} from "./MetaPoolTypes.sol";

/// @notice Creates and lists MetaPools. No owner and no setter.
interface IMetaPoolFactory {
    /// @notice A MetaPool was created; carries every parameter, texts included (the pool stores only hashes of
    /// the protection statement and descriptions).
    event MetaPoolCreated(
        address indexed metaPool,
        address indexed creator,
        address indexed arbiter,
        address asset,
        uint256 index,
        MetaPoolParams params
    );

    /// @notice `metaPoolAt(index)` past the end: there are `count` MetaPools.
    error IndexOutOfRange(uint256 index, uint256 count);

    /// @notice The MetaPool implementation every clone delegates to (its initializer is disabled).
    function implementation() external view returns (address);
    /// @notice The cover token implementation every epoch's token clones.
    function coverTokenImplementation() external view returns (address);
    /// @notice Creates a MetaPool; the caller becomes its creator. Reverts with the invalid parameter's error.
    function createMetaPool(MetaPoolParams calldata params) external returns (address metaPool);
    function metaPoolCount() external view returns (uint256);
    function metaPoolAt(uint256 index) external view returns (address);
    /// @notice At most `limit` MetaPools from `offset`, in creation order.
    function metaPools(uint256 offset, uint256 limit) external view returns (address[] memory);
}
