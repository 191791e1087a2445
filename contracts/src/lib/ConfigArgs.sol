// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPoolParams} from "../interfaces/MetaPoolTypes.sol";

/// @notice A MetaPool's fixed configuration (SPEC §2), kept in its clone's immutable args rather than in storage:
/// the factory appends these bytes to the EIP-1167 clone code, and the clone reads them back from its own code
/// (EXTCODECOPY of the executing address, always warm: ~110 gas a word, against 2 100 for a cold storage slot).
/// Layout (byte offsets into the args; the clone code adds 0x2d):
///   0 curve: baseRate, slope1, kink, slope2 (uint64 each)  | the words a sync reads
///  32 poolCount (uint8), arbiterFeeBps, creatorFeeBps, payoutMultiple (uint16), purchaseDelay,
///     withdrawalPeriod (uint32), minPurchase (uint128), 1 byte unused
///  64 claimBond (uint128), asset (address)
/// 100 arbiter, 120 creator, 140 cover token implementation (addresses)
/// 160 keccak256(protectionStatement)
library ConfigArgs {
    /// Where the args start in the clone's code (the EIP-1167 proxy is 0x2d bytes).
    uint256 internal constant CODE_OFFSET = 0x2d;
    uint256 internal constant CURVE = 0;
    uint256 internal constant SETTINGS = 32;
    uint256 internal constant CLAIM_BOND = 64;
    uint256 internal constant ASSET = 80;
    uint256 internal constant ARBITER = 100;
    uint256 internal constant CREATOR = 120;
    uint256 internal constant COVER_TOKEN_IMPLEMENTATION = 140;
    uint256 internal constant STATEMENT_HASH = 160;

    /// @notice The args of a MetaPool created by `creator` with `p` (nothing validated here: `initialize` does).
    function encode(MetaPoolParams calldata p, address creator, address coverTokenImplementation)
        internal
        pure
        returns (bytes memory)
    {
        bytes memory head = abi.encodePacked(
            p.curve.baseRate,
            p.curve.slope1,
            p.curve.kink,
            p.curve.slope2,
            uint8(p.pools.length),
            p.arbiterFeeBps,
            p.creatorFeeBps,
            p.payoutMultiple,
            p.purchaseDelay,
            p.withdrawalPeriod,
            p.minPurchase,
            uint8(0)
        );
        bytes memory tail = abi.encodePacked(
            p.claimBond,
            address(p.asset),
            p.arbiter,
            creator,
            coverTokenImplementation,
            keccak256(bytes(p.protectionStatement))
        );
        return bytes.concat(head, tail);
    }

    /// @notice The 32 bytes of the executing clone's args from `offset`.
    function word(uint256 offset) internal view returns (uint256 w) {
        assembly ("memory-safe") {
            extcodecopy(address(), 0, add(CODE_OFFSET, offset), 32)
            w := mload(0)
        }
    }

    /// @notice The curve word and the settings word (offsets 0 and 32) in one copy.
    function curveAndSettings() internal view returns (uint256 curve, uint256 settings) {
        assembly ("memory-safe") {
            extcodecopy(address(), 0, CODE_OFFSET, 64)
            curve := mload(0)
            settings := mload(32)
        }
    }

    /// @notice The address at `offset` of the executing clone's args.
    function addressAt(uint256 offset) internal view returns (address a) {
        return address(uint160(word(offset) >> 96));
    }
}
