// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {BooksInvariants} from "./BooksInvariants.sol";
import {CoverAndShareInvariants} from "./CoverAndShareInvariants.sol";
import {SolvencyInvariants} from "./SolvencyInvariants.sol";

/// @notice SPEC §3's invariants (and the books behind them) over random sequences of every action.
/// Each concrete suite below fixes the number of coverage pools, the asset's decimals and the payout cap.
/// The MetaPool runs the production facets; its extension adds raw-storage getters so the books are checked
/// exactly as stored (views project to now).
///
/// The invariants are grouped by concept in abstract contracts (SolvencyInvariants, CoverAndShareInvariants,
/// BooksInvariants) over MetaPoolInvariantBase; the handler's own findings are checked here.
abstract contract MetaPoolInvariantTest is SolvencyInvariants, CoverAndShareInvariants, BooksInvariants {
    /// No action reverted with an error its preconditions rule out (a panic above all).
    function invariant_handler_noUnexpectedReverts() public view alsoHandlerFindings {
        assertEq(handler.ghostUnexpectedReverts(), 0, handler.firstUnexpected());
    }

    /// Every action paid, minted or returned exactly what its preview view showed just before it (deposit,
    /// request, the min rule, cancel, refund, withdrawProtection, redeemPayout, claimFees, exit).
    function invariant_previews_everyActionPaidWhatItsPreviewShowed() public view alsoHandlerFindings {
        assertEq(handler.ghostBrokenPreviews(), 0, handler.firstBrokenPreview());
    }

    /// SPEC §5 (revision 4): a purchase frozen by a claim never becomes cover earlier than `purchaseDelay` after the
    /// ruling that ended the freeze, and a recycled full-capacity reservation never stops another buyer.
    function invariant_attacks_frozenPurchasesRestartTheirDelay_andReservationsBlockNoBuyer()
        public
        view
        alsoHandlerFindings
    {
        assertEq(handler.ghostEarlyFrozenMaturities(), 0, handler.firstEarlyFrozenMaturity());
        assertEq(handler.ghostBlockedBuyers(), 0, "a capacity hog stopped another buyer");
    }

    function invariant_callSummary() public view {
        handler.callSummary();
    }
}

/// @notice Three coverage pools, an 18-decimal asset, uncapped payouts (the SPEC §9 market).
contract MetaPoolInvariants3Pools18DecTest is MetaPoolInvariantTest {
    function poolCount() internal pure override returns (uint256) {
        return 3;
    }

    function assetDecimals() internal pure override returns (uint8) {
        return 18;
    }
}

/// @notice Sixteen coverage pools (the maximum), a 6-decimal asset, payouts capped at twice the cover (uncapped,
/// every one of sixteen pools would pay premium on the whole free capital and lapse within hours).
contract MetaPoolInvariants16PoolsCapped6DecTest is MetaPoolInvariantTest {
    function poolCount() internal pure override returns (uint256) {
        return 16;
    }

    function assetDecimals() internal pure override returns (uint8) {
        return 6;
    }

    function payoutMultiple() internal pure override returns (uint16) {
        return 2;
    }
}

/// @notice One coverage pool, a 6-decimal asset, uncapped payouts: every valid claim takes all the capital (and
/// the claim's premium debt leaves dust), so share epochs close again and again (SPEC §4, §9 example 8).
contract MetaPoolInvariants1Pool6DecTest is MetaPoolInvariantTest {
    function poolCount() internal pure override returns (uint256) {
        return 1;
    }

    function assetDecimals() internal pure override returns (uint8) {
        return 6;
    }
}
