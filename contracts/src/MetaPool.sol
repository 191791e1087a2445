// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPoolParams} from "./interfaces/MetaPoolTypes.sol";
import {ConfigArgs} from "./lib/ConfigArgs.sol";
import {ParamsValidation} from "./lib/ParamsValidation.sol";
import {Claims} from "./metapool/Claims.sol";
import {Protection} from "./metapool/Protection.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

/// @title MetaPool
/// @notice An immutable underwriting pool whose capital backs several coverage pools at once (SPEC).
/// Deployed as EIP-1167 clones by `MetaPoolFactory`; no owner, admin, pause, upgrade or setter.
/// Parts: Underwriting (§4), Protection (§5), Syncing (§6), Claims (§7-8), Fees; read-only calls fall through
/// to the `MetaPoolExtension` facet, which shares this storage layout.
contract MetaPool is Claims, Protection, Initializable {
    /// @notice The facet unknown selectors are delegated to (views and the share ERC-20 surface).
    address public immutable extension;

    constructor(address extensionFacet) {
        extension = extensionFacet;
        _disableInitializers();
    }

    /// @notice Called once by the factory in the clone's creation transaction. The fixed configuration lives in
    /// the clone's immutable args, which must encode exactly `p`, `creator` and `coverTokenImplementation`;
    /// only what the args cannot hold (the asset's decimals, the names) and the counters go to storage.
    function initialize(MetaPoolParams calldata p, address creator, address coverTokenImplementation)
        external
        initializer
    {
        uint8 decimals = ParamsValidation.validate(p);
        if (
            keccak256(Clones.fetchCloneArgs(address(this)))
                != keccak256(ConfigArgs.encode(p, creator, coverTokenImplementation))
        ) {
            revert InvalidInitialization();
        }
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

    /// @notice Runs `sync`, maturing at most `maxItems` (1..16) due purchases. Returns how many remain due.
    function poke(uint256 maxItems) external nonReentrant returns (uint256 remaining) {
        if (maxItems == 0 || maxItems > MAX_BATCH) revert InvalidMaxItems(maxItems);
        return _syncBatch(maxItems);
    }

    /// @dev Views and share transfers live in `MetaPoolExtension`; delegate so it runs on this clone's storage.
    fallback() external {
        address ext = extension;
        assembly ("memory-safe") {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), ext, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            if iszero(ok) { revert(0, returndatasize()) }
            return(0, returndatasize())
        }
    }
}
