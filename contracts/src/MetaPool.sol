// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPoolSetup} from "./MetaPoolSetup.sol";
import {MetaPoolParams} from "./interfaces/MetaPoolTypes.sol";
import {Claims} from "./metapool/Claims.sol";
import {Protection} from "./metapool/Protection.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

/// @title MetaPool
/// @notice An immutable underwriting pool whose capital backs several coverage pools at once (SPEC).
/// Deployed as EIP-1167 clones by `MetaPoolFactory`; no owner, admin, pause, upgrade or setter.
/// Parts: Underwriting (§4), Protection (§5), Syncing (§6), Claims (§7-8), Fees; read-only calls fall through
/// to the `MetaPoolExtension` facet and `initialize` to `MetaPoolSetup`, which share this storage layout.
contract MetaPool is Claims, Protection, Initializable {
    /// @notice The facet unknown selectors are delegated to (views and the share ERC-20 surface).
    address public immutable extension;
    /// @dev The facet `initialize` delegates to, deployed with this implementation.
    address private immutable _setup;

    constructor(address extensionFacet) {
        extension = extensionFacet;
        _setup = address(new MetaPoolSetup());
        _disableInitializers();
    }

    /// @notice Called once by the factory in the clone's creation transaction (see `MetaPoolSetup.initialize`:
    /// validates the parameters, checks the clone's immutable args against them, stores the names).
    function initialize(MetaPoolParams calldata p, address creator, address coverTokenImplementation) external {
        (p, creator, coverTokenImplementation); // forwarded as they are, in the calldata
        _delegate(_setup);
    }

    /// @notice Runs `sync`, maturing at most `maxItems` (1..16) due purchases. Returns how many remain due.
    function poke(uint256 maxItems) external nonReentrant returns (uint256 remaining) {
        if (maxItems == 0 || maxItems > MAX_BATCH) revert InvalidMaxItems(maxItems);
        return _syncBatch(maxItems);
    }

    /// @dev Views and share transfers live in `MetaPoolExtension`; delegate so it runs on this clone's storage.
    fallback() external {
        _delegate(extension);
    }

    /// @dev This facet's actions sync in one pass over the stored pools when nothing is due (see Syncing).
    function _sync() internal override {
        _syncPreferringStored();
    }

    function _delegate(address facet) private {
        assembly ("memory-safe") {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), facet, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            if iszero(ok) { revert(0, returndatasize()) }
            return(0, returndatasize())
        }
    }
}
