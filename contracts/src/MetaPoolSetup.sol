// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPoolParams} from "./interfaces/MetaPoolTypes.sol";
import {ConfigArgs} from "./lib/ConfigArgs.sol";
import {ParamsValidation} from "./lib/ParamsValidation.sol";
import {MetaPoolStorage} from "./metapool/MetaPoolStorage.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

/// @title MetaPoolSetup
/// @notice The third facet of every MetaPool: its one-time initialisation. `MetaPool.initialize` delegates here,
/// so it runs on the clone's storage (whose layout it shares) and the clone's code (its immutable args).
/// Split out only to keep `MetaPool` under the EIP-170 size limit; the MetaPool implementation deploys it.
contract MetaPoolSetup is MetaPoolStorage, Initializable {
    constructor() {
        _disableInitializers();
    }

    /// @notice Validates `p` (SPEC §2, each failure naming its parameter) and checks that the clone's immutable
    /// args encode exactly `p`, `creator` and `coverTokenImplementation` (else `InvalidInitialization`); then
    /// stores what the args cannot hold (the asset's decimals, the names) and starts the counters.
    function initialize(MetaPoolParams calldata p, address creator, address coverTokenImplementation)
        external
        initializer
    {
        uint8 decimals = ParamsValidation.validate(p);
        bytes32 expected = keccak256(ConfigArgs.encode(p, creator, coverTokenImplementation));
        if (keccak256(Clones.fetchCloneArgs(address(this))) != expected) revert InvalidInitialization();
        _decimals = decimals;
        _name = p.name;
        uint256 n = p.pools.length;
        for (uint256 i; i < n; ++i) {
            _poolNames[i] = p.pools[i].name;
        }
        _lastSyncAt = uint40(block.timestamp);
        _nextPurchaseId = 1;
        _queueHead = 1;
        _nextClaimId = 1;
        _claimHead = 1;
    }
}
