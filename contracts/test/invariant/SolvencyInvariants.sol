// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../../src/interfaces/ICoverToken.sol";
import {ClosedEpoch, MetaPoolView, WithdrawalRequest} from "../../src/interfaces/MetaPoolTypes.sol";
import {PoolState} from "../../src/metapool/MetaPoolStorage.sol";
import {RawState} from "../mocks/MetaPoolReaderExtension.sol";
import {MetaPoolInvariantBase} from "./MetaPoolInvariantBase.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @notice SPEC §3 (1) to (3): solvency, full backing, and rounding that never favours a user.
abstract contract SolvencyInvariants is MetaPoolInvariantBase {
    // =====================================================================================================
    // SPEC §3 (1): solvency
    // =====================================================================================================

    /// Stored books: the asset balance covers C + ΣK + ΣR + fees and bonds owed + bonds held + unredeemed
    /// payouts and remainders + refunds.
    function invariant_solvency_assetBalanceCoversEveryLiability() public view alsoHandlerFindings {
        RawState memory s = reader.rawState();
        assertGe(token.balanceOf(mp), _liabilities(s), "balance < liabilities");
    }

    /// Stronger: with no donations, the balance equals the books to the unit. Every transfer in or out moves
    /// exactly one booked amount, and every rounding remainder stays inside a booked amount (C, a pool's K, a
    /// closed epoch's remainder), so no dust can fall outside the books in either direction.
    function invariant_solvency_assetBalanceEqualsTheBooksExactly() public view alsoHandlerFindings {
        RawState memory s = reader.rawState();
        assertEq(token.balanceOf(mp), _liabilities(s), "balance != liabilities");
    }

    /// The same books projected to now (as every view shows them) never exceed the balance either.
    function invariant_solvency_projectedBooksStayCovered() public view alsoHandlerFindings {
        MetaPoolView memory v = reader.metaPoolView();
        (, uint256 bondsHeld, uint256 redeemable, uint256 refunds) = reader.liabilities();
        uint256 total = v.capital + v.totalActive + v.totalPending + v.feesOwedTotal + bondsHeld + redeemable + refunds;
        assertGe(token.balanceOf(mp), total, "balance < projected liabilities");
    }

    // =====================================================================================================
    // SPEC §3 (2): full backing
    // =====================================================================================================

    function invariant_fullBacking_activeCoverNeverExceedsCapitalBeforeShutdown() public view alsoHandlerFindings {
        RawState memory s = reader.rawState();
        if (s.shutDown) return;
        assertLe(s.totalActive, s.capital, "stored: sum K > C");
        MetaPoolView memory v = reader.metaPoolView();
        assertLe(v.totalActive, v.capital, "projected: sum K > C");
    }

    // =====================================================================================================
    // SPEC §3 (3): rounding never favours a user
    // =====================================================================================================

    /// No account ends with more than it put in plus what it earned: `out + held ≤ in + earned`, where
    /// `earned` is ceil(holding × every rise of the unit's value) over the run: premiums and forfeited bonds for
    /// shares, payouts and other holders' rounding for cover (see MetaPoolHandler).
    function invariant_rounding_noAccountEndsWithMoreThanItPutInPlusEarnings() public view alsoHandlerFindings {
        address[] memory actors = handler.actors();
        uint256[] memory held = handler.heldValues();
        for (uint256 i; i < actors.length; ++i) {
            address a = actors[i];
            uint256 got = handler.ghostOut(a) + held[i];
            uint256 bound = handler.ghostIn(a) + handler.ghostEarned(a);
            assertLe(got, bound, string.concat("account gained from rounding: ", vm.toString(a)));
        }
    }

    /// Rounding direction, exactly: once an action's own sync has run, the action can only move value towards the
    /// pool's side: no share and no cover token is worth less after it (`(C + 1) / (S + 1)`, `(K − debt) / supply`,
    /// `remaining / supply`), except the share when a valid claim pays out. And `poke` leaves exactly the state the
    /// views projected.
    function invariant_rounding_noActionLowersAShareOrCoverTokenValue() public view alsoHandlerFindings {
        assertEq(handler.ghostValueDrops(), 0, handler.firstValueDrop());
    }

    /// What holders can redeem never exceeds what backs it: shares and requests ≤ C, each open epoch's tokens
    /// ≤ K − debt, each closed epoch's tokens ≤ its remainder.
    function invariant_rounding_holdersClaimsNeverExceedTheirBacking() public view alsoHandlerFindings {
        RawState memory s = reader.rawState();
        assertLe(_shareClaims(s), s.capital, "share claims > C");
        address[] memory tokens = handler.coverTokens();
        for (uint256 k; k < tokens.length; ++k) {
            (uint256 claims, uint256 backing) = _coverClaims(tokens[k]);
            assertLe(claims, backing, "cover claims > backing");
        }
    }

    /// @dev What every actor's shares and requests redeem at the current price, each rounded down.
    function _shareClaims(RawState memory s) internal view returns (uint256 value) {
        address[] memory actors = handler.actors();
        (uint256 num, uint256 den) = s.shareSupply == 0 ? (1, 1) : (s.capital + 1, s.shareSupply + 1);
        for (uint256 i; i < actors.length; ++i) {
            value += Math.mulDiv(reader.balanceOf(actors[i]), num, den);
        }
        uint256[] memory ids = handler.requestIds();
        for (uint256 k; k < ids.length; ++k) {
            WithdrawalRequest memory r = reader.withdrawalRequest(ids[k]);
            uint256 worth = Math.mulDiv(r.shares, num, den);
            value += worth < r.assetsAtRequest ? worth : r.assetsAtRequest;
        }
    }

    /// @dev What every actor's tokens of one epoch redeem, each rounded down, and what backs them.
    function _coverClaims(address token) internal view returns (uint256 claims, uint256 backing) {
        (uint256 poolId, uint256 epoch) = handler.tokenPool(token);
        PoolState memory pool = reader.rawPool(poolId);
        uint256 supply;
        if (epoch == pool.epoch) {
            backing = pool.active > pool.debt ? pool.active - pool.debt : 0;
            supply = pool.supply;
        } else {
            ClosedEpoch memory c = reader.closedEpoch(poolId, epoch);
            (backing, supply) = (c.remaining, c.supply);
        }
        if (supply == 0) return (0, backing);
        address[] memory actors = handler.actors();
        for (uint256 i; i < actors.length; ++i) {
            claims += Math.mulDiv(ICoverToken(token).balanceOf(actors[i]), backing, supply);
        }
    }

    function _liabilities(RawState memory s) internal pure returns (uint256) {
        return
            s.capital + s.totalActive + s.totalPending + s.owedTotal + s.bondsHeld + s.redeemableTotal + s.refundsOwed;
    }
}
