// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MockERC20} from "../../mocks/MockERC20.sol";
import {AttackActions} from "./AttackActions.sol";
import {ClaimActions} from "./ClaimActions.sol";
import {LifecycleActions} from "./LifecycleActions.sol";
import {MetaPoolHandlerBase} from "./MetaPoolHandlerBase.sol";
import {SeekerActions} from "./SeekerActions.sol";
import {UnderwriterActions} from "./UnderwriterActions.sol";

/// @notice Drives one MetaPool through every action with bounded inputs and several actors, and keeps the ghost
/// books the invariants compare with the contract:
/// - a per-account ledger: what each actor put in, took out, and an upper bound of what it may have earned
///   (premiums, forfeited bonds and payouts), attributed as `ceil(holding × rise of the unit's value)` at every
///   call, so `out + held ≤ in + earned` is exact (SPEC §3.3: rounding never favours a user);
/// - capital and fees rebuilt from the events alone (an indexer's view);
/// - a call summary: calls, successes, expected reverts and skips per action, and any unexpected revert.
///
/// Each family of actions is an abstract contract of its own (underwriters, seekers, revision 4's attacks,
/// claims, time and lifecycle) over the shared state (MetaPoolHandlerBase), ghost books (HandlerBooks) and call
/// plumbing (HandlerCalls).
contract MetaPoolHandler is UnderwriterActions, SeekerActions, AttackActions, ClaimActions, LifecycleActions {
    constructor(address metaPool, MockERC20 asset_, address[] memory actors_)
        MetaPoolHandlerBase(metaPool, asset_, actors_)
    {}
}
