// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPool} from "./MetaPool.sol";
import {IMetaPoolFactory} from "./interfaces/IMetaPoolFactory.sol";
import {MetaPoolParams} from "./interfaces/MetaPoolTypes.sol";
import {ConfigArgs} from "./lib/ConfigArgs.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";

/// @title MetaPoolFactory
/// @notice Permissionless, ownerless factory of immutable MetaPools (EIP-1167 clones with immutable args).
contract MetaPoolFactory is IMetaPoolFactory {
    /// @inheritdoc IMetaPoolFactory
    address public immutable implementation;
    /// @inheritdoc IMetaPoolFactory
    address public immutable coverTokenImplementation;

    address[] private _metaPools;

    constructor(address metaPoolImplementation, address coverTokenImpl) {
        implementation = metaPoolImplementation;
        coverTokenImplementation = coverTokenImpl;
    }

    /// @inheritdoc IMetaPoolFactory
    function createMetaPool(MetaPoolParams calldata params) external returns (address metaPool) {
        // The fixed configuration goes into the clone's immutable args (read from its code, not from storage).
        metaPool = Clones.cloneWithImmutableArgs(
            implementation, ConfigArgs.encode(params, msg.sender, coverTokenImplementation)
        );
        MetaPool(metaPool).initialize(params, msg.sender, coverTokenImplementation);
        uint256 index = _metaPools.length;
        _metaPools.push(metaPool);
        emit MetaPoolCreated(metaPool, msg.sender, params.arbiter, address(params.asset), index, params);
    }

    /// @inheritdoc IMetaPoolFactory
    function metaPoolCount() external view returns (uint256) {
        return _metaPools.length;
    }

    /// @inheritdoc IMetaPoolFactory
    function metaPoolAt(uint256 index) external view returns (address) {
        uint256 count = _metaPools.length;
        if (index >= count) revert IndexOutOfRange(index, count);
        return _metaPools[index];
    }

    /// @inheritdoc IMetaPoolFactory
    function metaPools(uint256 offset, uint256 limit) external view returns (address[] memory page) {
        uint256 total = _metaPools.length;
        if (offset >= total) return page;
        // Compared as `limit > total - offset` so a huge `limit` ("all") cannot overflow.
        uint256 end = limit > total - offset ? total : offset + limit;
        page = new address[](end - offset);
        for (uint256 i = offset; i < end; ++i) {
            page[i - offset] = _metaPools[i];
        }
    }
}
