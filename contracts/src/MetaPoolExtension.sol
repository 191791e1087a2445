// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Batching} from "./metapool/Batching.sol";
import {Settlement} from "./metapool/Settlement.sol";
import {ShareTransfers} from "./metapool/ShareTransfers.sol";
import {Views} from "./metapool/Views.sol";

/// @title MetaPoolExtension
/// @notice The second facet of every MetaPool: all views (SPEC §10, projected to now), the shares' ERC-20
/// surface, settlement (redeemPayout, exit, claimFees) and batching (multicall, selfPermit). `MetaPool`'s fallback delegates to it, so it
/// runs on the clone's own storage, whose layout it shares. Split out to keep `MetaPool` under the EIP-170
/// size limit without via-IR.
// solhint-disable-next-line no-empty-blocks
contract MetaPoolExtension is Views, ShareTransfers, Settlement, Batching {}
