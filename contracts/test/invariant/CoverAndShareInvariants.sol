// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../../src/interfaces/ICoverToken.sol";
import {WithdrawalRequest} from "../../src/interfaces/MetaPoolTypes.sol";
import {LapseHint} from "../../src/lib/LapseHint.sol";
import {PoolState} from "../../src/metapool/MetaPoolStorage.sol";
import {RawState} from "../mocks/MetaPoolReaderExtension.sol";
import {MetaPoolInvariantBase} from "./MetaPoolInvariantBase.sol";

/// @notice Cover tokens and shares: supplies mirror the pools, packed state agrees with the books, balances and
/// supplies stay bounded.
abstract contract CoverAndShareInvariants is MetaPoolInvariantBase {
    uint256 internal constant DUST_RATIO = 1e9;
    uint256 internal constant SUPPLY_BOUND = 2 ** 200;

    // =====================================================================================================
    // Cover tokens and shares
    // =====================================================================================================

    /// Each cover token's totalSupply equals the pool's mirror (or the closed epoch's), only actors hold it (as its
    /// Transfer events say),
    /// an open epoch holds K = 0 exactly when its supply is 0 (a pending claim may leave K = 0 behind tokens until
    /// the ruling lapses them), and without a pending claim no open epoch sits below the lapse threshold.
    function invariant_cover_supplyMirrorsThePoolAndEmptyMeansZero() public view alsoHandlerFindings {
        address[] memory tokens = handler.coverTokens();
        address[] memory actors = handler.actors();
        for (uint256 k; k < tokens.length; ++k) {
            ICoverToken t = ICoverToken(tokens[k]);
            (uint256 poolId, uint256 epoch) = handler.tokenPool(address(t));
            PoolState memory pool = reader.rawPool(poolId);
            uint256 mirror = epoch == pool.epoch ? pool.supply : reader.closedEpoch(poolId, epoch).supply;
            assertEq(t.totalSupply(), mirror, "cover totalSupply != mirror");
            uint256 held;
            for (uint256 i; i < actors.length; ++i) {
                uint256 balance = t.balanceOf(actors[i]);
                assertEq(handler.ghostCoverBalance(address(t), actors[i]), balance, "Transfer events != balance");
                held += balance;
            }
            assertEq(held, t.totalSupply(), "cover held outside the actors");
        }
        for (uint256 i; i < poolCount(); ++i) {
            PoolState memory pool = reader.rawPool(i);
            if (pool.supply == 0) assertEq(pool.active, 0, "K > 0 with no tokens");
            if (pool.claimId == 0 && pool.supply != 0) {
                assertGe(pool.active * DUST_RATIO, pool.supply, "open epoch below the lapse threshold");
            }
            if (pool.supply != 0) assertTrue(pool.token != address(0), "tokens without a token");
            if (pool.claimId == 0) assertEq(pool.debt, 0, "debt without a pending claim");
        }
    }

    /// The packed state the one-pass sync reads and writes by hand agrees with the declared fields, and the caches
    /// it relies on hold: a pool's claim flag is set exactly while it has a pending claim (and without one its debt
    /// is 0), its lapse hint bounds `ceil(supply / 1e9)` from above (exactly below 2^50), and `queued` says whether
    /// purchases wait in the queue.
    function invariant_storage_packedStateAndCachesAgreeWithTheBooks() public view alsoHandlerFindings {
        assertTrue(reader.packedSlotsMatchDeclarations(), "hand-packed slots != declared fields");
        RawState memory s = reader.rawState();
        assertEq(s.queued, s.queueHead < s.nextPurchaseId, "queued flag");
        for (uint256 i; i < poolCount(); ++i) {
            PoolState memory pool = reader.rawPool(i);
            assertEq(pool.claimPending, pool.claimId != 0, "claim flag != pending claim");
            if (!pool.claimPending) assertEq(pool.debt, 0, "debt without a pending claim");
            uint256 threshold = pool.supply == 0 ? 0 : (pool.supply - 1) / DUST_RATIO + 1;
            uint256 bound = LapseHint.decode(pool.lapseHint);
            assertGe(bound, threshold, "lapse hint below the threshold");
            if (threshold < 2 ** 50) assertEq(bound, threshold, "lapse hint not exact");
        }
    }

    /// Share balances (holders and the MetaPool's custody of requested shares) never exceed totalSupply, and
    /// equal it while no share epoch has closed; requests never claim more than the custody holds.
    function invariant_shares_balancesNeverExceedTotalSupply() public view alsoHandlerFindings {
        RawState memory s = reader.rawState();
        address[] memory actors = handler.actors();
        uint256 custody = reader.balanceOf(mp);
        uint256 sum = custody;
        for (uint256 i; i < actors.length; ++i) {
            sum += reader.balanceOf(actors[i]);
        }
        assertEq(reader.totalSupply(), s.shareSupply, "totalSupply != stored supply");
        assertLe(sum, s.shareSupply, "share balances > totalSupply");
        if (s.shareEpoch == 0) assertEq(sum, s.shareSupply, "share balances != totalSupply");
        WithdrawalRequest[] memory requests = reader.rawRequests(handler.requestIds());
        uint256 requested;
        for (uint256 k; k < requests.length; ++k) {
            requested += requests[k].shares;
        }
        assertLe(requested, custody, "requests > custody");
    }

    /// SPEC §3 (4): no supply can overflow.
    function invariant_supplies_stayBounded() public view alsoHandlerFindings {
        RawState memory s = reader.rawState();
        assertLt(s.shareSupply, SUPPLY_BOUND, "share supply unbounded");
        assertLe(s.capital, type(uint128).max, "capital");
        address[] memory tokens = handler.coverTokens();
        for (uint256 k; k < tokens.length; ++k) {
            assertLt(ICoverToken(tokens[k]).totalSupply(), SUPPLY_BOUND, "cover supply unbounded");
        }
    }
}
