// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../../src/interfaces/ICoverToken.sol";
import {MetaPoolParams, PoolView} from "../../src/interfaces/MetaPoolTypes.sol";
import {Premium} from "../../src/lib/Premium.sol";
import {MetaPoolTestBase} from "../utils/MetaPoolTestBase.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @notice SPEC properties through the contract itself, over random states.
contract MetaPoolFuzzTest is MetaPoolTestBase {
    uint256 internal constant ONE = 1e18;
    uint256 internal constant BPS = 10_000;

    /// @dev Up to `n` covers of at most `capital / n` each (a quarter of them left empty), so all fit.
    function randomCovers(uint256 n, uint256 capital, uint256[16] memory seeds)
        internal
        pure
        returns (uint256[] memory covers)
    {
        covers = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            if (seeds[i] % 4 == 0) continue;
            covers[i] = bound(seeds[i] >> 2, ONE / 100, capital / n);
        }
    }

    // =====================================================================================================
    // Premium through the contract
    // =====================================================================================================

    struct PoolBefore {
        uint256 speed;
        uint256 active;
        uint256 supply;
        uint32 epoch;
    }

    /// The contract's first accrual after the covers mature charges exactly what `Premium.accrue` computes at the
    /// speeds the pools show (`r(u) × P`), capped at K, split 5 % / 5 % / rest to C, lapsing a pool whose K falls
    /// below 1e-9 of its supply.
    function testFuzz_firstAccrual_chargesExactlyThePremiumLibrary(
        uint256 n,
        uint256 capital,
        uint256[16] memory coverSeeds,
        uint256 dt
    ) public {
        n = bound(n, 1, 16);
        capital = bound(capital, ONE, 1e12 * ONE);
        dt = bound(dt, 1, 2 * YEAR);
        address mp = createWithCover(specParams(token, n), capital, randomCovers(n, capital, coverSeeds));

        PoolBefore[] memory before = new PoolBefore[](n);
        for (uint256 i; i < n; ++i) {
            PoolView memory v = ext(mp).pool(i);
            before[i] = PoolBefore(v.premiumSpeed, v.active, v.coverSupply, v.epoch);
            assertEq(v.premiumSpeed, v.active == 0 ? 0 : v.rate * v.payout, "speed != r(u) x P");
        }
        uint256 c0 = ext(mp).capital();
        uint256 arbiter0 = ext(mp).feesOwed(arbiter);

        skip(dt);
        uint256 projected = ext(mp).capital();
        core(mp).poke(16);
        assertEq(ext(mp).capital(), projected, "view projected a different C");

        uint256 toCapital;
        uint256 arbiterFees;
        for (uint256 i; i < n; ++i) {
            PoolBefore memory b = before[i];
            (uint256 increase,) = Premium.accrue(0, b.speed, dt);
            uint256 charge = Math.min(increase, b.active);
            uint256 fee = feeOf(charge, 500);
            arbiterFees += fee;
            toCapital += charge - 2 * fee;
            uint256 left = b.active - charge;
            PoolView memory v = ext(mp).pool(i);
            if (b.supply != 0 && left * 1e9 < b.supply) {
                assertEq(v.epoch, b.epoch + 1, "pool should have lapsed");
                assertEq(v.active, 0);
            } else {
                assertEq(v.active, left, "K != K - library premium");
                assertEq(v.epoch, b.epoch);
            }
        }
        assertEq(ext(mp).capital(), c0 + toCapital, "C != C + premium less fees");
        assertEq(ext(mp).feesOwed(arbiter) - arbiter0, arbiterFees, "arbiter fee");
    }

    /// While a claim is pending on the only pool, nothing moves C or K, so its speed holds: accruing the claim's
    /// premium debt in one sync or in many gives the same debt within one base unit (never less), and the one-sync
    /// debt is exactly `Premium.accrue`.
    function testFuzz_claimDebt_oneSyncOrManyAccrueTheSameWithinOneUnit(
        uint256 capital,
        uint256 cover,
        uint256[6] memory pieces
    ) public {
        capital = bound(capital, ONE, 1e12 * ONE);
        cover = bound(cover, ONE / 100, capital);
        // Two identical MetaPools whose cover matures in the same second.
        address once = createPool(specParams(token, 1));
        address often = createPool(specParams(token, 1));
        deposit(once, alice, capital);
        deposit(often, alice, capital);
        buy(once, bob, 0, cover);
        buy(often, bob, 0, cover);
        skip(1 days);
        core(once).poke(16);
        core(often).poke(16);
        uint256 speed = ext(once).pool(0).premiumSpeed;
        assertEq(ext(often).pool(0).premiumSpeed, speed);
        fileClaimAt(once, bob, 0, block.timestamp);
        fileClaimAt(often, bob, 0, block.timestamp);

        uint256 total;
        for (uint256 k; k < pieces.length; ++k) {
            uint256 dt = bound(pieces[k], 0, 5 days);
            total += dt;
            skip(dt);
            core(often).poke(16);
            assertEq(ext(often).pool(0).premiumSpeed, speed, "speed moved during the claim");
        }
        core(once).poke(16);
        uint256 single = ext(once).pool(0).debt;
        uint256 multi = ext(often).pool(0).debt;
        (uint256 expected,) = Premium.accrue(0, speed, total);
        assertEq(single, expected, "one sync != Premium.accrue");
        assertGe(multi, single, "many syncs accrued less");
        assertLe(multi - single, 1, "many syncs accrued more than one unit extra");
        assertEq(ext(once).pool(0).active, cover, "K moved while the claim was pending");
    }

    // =====================================================================================================
    // Payout (SPEC §3, §7)
    // =====================================================================================================

    /// With `payoutMultiple = 0`, a valid claim on pool `i` takes `K_i + F = C − Σ_{j≠i} K_j` from capital,
    /// leaves exactly the other pools' cover behind it (plus the claim's premium debt, charged as premium), and
    /// its holders redeem `K_i + P` less that debt.
    function testFuzz_validClaim_paysCapitalMinusTheOtherPoolsCover(
        uint256 n,
        uint256 capital,
        uint256[16] memory coverSeeds,
        uint256 claimed,
        uint256 dt
    ) public {
        n = bound(n, 1, 16);
        capital = bound(capital, ONE, 1e12 * ONE);
        uint256[] memory covers = randomCovers(n, capital, coverSeeds);
        claimed = bound(claimed, 0, n - 1);
        if (covers[claimed] == 0) covers[claimed] = ONE / 100;
        address mp = createWithCover(specParams(token, n), capital, covers);
        uint256 claimId = fileClaimAt(mp, bob, claimed, block.timestamp);
        skip(bound(dt, 0, 20 days));

        // The ruling syncs first: the views show that state.
        uint256 c = ext(mp).capital();
        uint256 others;
        for (uint256 j; j < n; ++j) {
            if (j != claimed) others += ext(mp).pool(j).active;
        }
        PoolView memory v = ext(mp).pool(claimed);
        if (v.coverSupply == 0) return; // the claim pool cannot lapse while claimed
        (uint256 previewed, uint256 previewRedeemable) = ext(mp).previewPayout(claimed);
        assertEq(previewed, c - others, "previewPayout != C - other cover");

        rule(mp, claimId, true);
        uint256 gross = v.active + (c - others);
        uint256 debtCharged = Math.min(v.debt, gross);
        uint256 fee = feeOf(debtCharged, 500);
        assertEq(ext(mp).capital(), others + debtCharged - 2 * fee, "C after != other cover + debt premium");
        assertEq(ext(mp).closedEpoch(claimed, v.epoch).remaining, gross - debtCharged, "holders' redemption");
        assertEq(previewRedeemable, gross - debtCharged, "previewPayout redeemable");
        assertGe(ext(mp).capital(), others, "the other pools lost backing");
    }

    // =====================================================================================================
    // Cover tokens (SPEC §5)
    // =====================================================================================================

    /// Each holder's `balanceOfUnderlying` is `tokens × (K − debt) / supply` rounded down, and the holders together
    /// never claim more than the pool holds. Purchases mature at different prices (premium accrues between them),
    /// tokens move between holders, and half the time a claim is pending.
    function testFuzz_balanceOfUnderlying_isTokensTimesKOverSupply(
        uint256[3] memory amounts,
        uint256 gap,
        uint256 moved,
        uint256 dt,
        bool claimPending
    ) public {
        // Payouts capped at twice the cover keep premiums small enough that a small cover does not lapse.
        MetaPoolParams memory p = specParams(token, 2);
        p.payoutMultiple = 2;
        address mp = createPool(p);
        deposit(mp, alice, 1_000_000 * ONE);
        address[3] memory holders = [bob, carol, dave];
        for (uint256 k; k < 3; ++k) {
            buy(mp, holders[k], 1, bound(amounts[k], ONE / 100, 100_000 * ONE));
            skip(bound(gap, 1 hours, 10 days));
        }
        skip(1 days);
        core(mp).poke(16);
        ICoverToken t = coverToken(mp, 1);
        moved = bound(moved, 0, t.balanceOf(bob));
        vm.prank(bob);
        t.transfer(carol, moved);
        if (claimPending) fileClaimAt(mp, carol, 1, block.timestamp);
        skip(bound(dt, 0, 60 days));

        PoolView memory v = ext(mp).pool(1);
        if (v.coverSupply == 0) return; // lapsed
        assertEq(t.totalSupply(), v.coverSupply, "supply mirror");
        uint256 net = v.active > v.debt ? v.active - v.debt : 0;
        uint256 sum;
        for (uint256 k; k < 3; ++k) {
            uint256 underlying = t.balanceOfUnderlying(holders[k]);
            assertEq(underlying, t.balanceOf(holders[k]) * net / v.coverSupply, "balanceOfUnderlying");
            assertEq(ext(mp).previewWithdrawProtection(1, t.balanceOf(holders[k])), underlying, "preview");
            sum += underlying;
        }
        assertLe(sum, net, "holders claim more than K - debt");
        assertLe(sum, v.active);
    }

    // =====================================================================================================
    // Underwriters (SPEC §4, §3.3)
    // =====================================================================================================

    /// Deposit, request, then complete in parts: the request never pays more than its `assetsAtRequest`, which
    /// never exceeds what went in plus what the shares earned (`ceil(shares × rise of (C + 1) / (S + 1))`), and
    /// with every rate zero never more than what went in.
    function testFuzz_depositRequestWithdraw_neverReturnsMoreThanPutInPlusEarnings(
        uint256 assets,
        uint256 other,
        uint256 cover,
        uint256 dt,
        uint256[4] memory parts,
        bool zeroRates
    ) public {
        MetaPoolParams memory p = specParams(token, 1);
        if (zeroRates) p.curve = zeroCurve();
        address mp = createPool(p);
        assets = bound(assets, 1, 1e12 * ONE);
        (uint256 requestId, uint256 shares, uint256 earned) = depositAndRequest(mp, assets, other, cover, dt);
        uint256 promised = ext(mp).withdrawalRequest(requestId).assetsAtRequest;
        assertLe(promised, assets + earned, "assetsAtRequest > deposit + earnings");
        if (zeroRates) assertLe(promised, assets, "earned without premiums");

        skip(7 days);
        uint256 paid = completeInParts(mp, requestId, shares, parts);
        assertEq(token.balanceOf(alice), paid);
        assertLe(paid, promised, "paid more than assetsAtRequest");
        assertLe(paid, assets + earned, "paid more than deposit + earnings");
    }

    /// @dev Bob deposits `other`, alice `assets`; carol buys `cover` (at most bob's part, so alice's withdrawal
    /// always fits the free capital); after `dt` alice requests all her shares. Returns what her shares earned.
    function depositAndRequest(address mp, uint256 assets, uint256 other, uint256 cover, uint256 dt)
        internal
        returns (uint256 requestId, uint256 shares, uint256 earned)
    {
        other = bound(other, 1, 1e12 * ONE);
        deposit(mp, bob, other);
        shares = deposit(mp, alice, assets);
        (uint256 n0, uint256 d0) = sharePrice(mp);
        cover = bound(cover, 0, other);
        if (cover >= ONE / 100) {
            buy(mp, carol, 0, cover);
            skip(1 days);
        }
        skip(bound(dt, 0, YEAR));
        requestId = requestWithdrawal(mp, alice, shares);
        (uint256 n1, uint256 d1) = sharePrice(mp);
        earned = earnings(shares, n0, d0, n1, d1);
    }

    /// @dev The share price `(C + 1) / (S + 1)` now, as (num, den).
    function sharePrice(address mp) internal view returns (uint256, uint256) {
        return (ext(mp).capital() + 1, ext(mp).totalSupply() + 1);
    }

    /// @dev What `shares` earned while the price rose from n0/d0 to n1/d1, rounded up.
    function earnings(uint256 shares, uint256 n0, uint256 d0, uint256 n1, uint256 d1) internal pure returns (uint256) {
        if (n1 * d0 <= n0 * d1) return 0;
        return Math.mulDiv(shares, n1 * d0 - n0 * d1, d0 * d1, Math.Rounding.Ceil);
    }

    function completeInParts(address mp, uint256 requestId, uint256 shares, uint256[4] memory parts)
        internal
        returns (uint256 paid)
    {
        uint256 left = shares;
        for (uint256 k; k <= parts.length && left != 0; ++k) {
            uint256 part = k == parts.length ? left : bound(parts[k], 1, left);
            paid += completeWithdrawal(mp, alice, requestId, part);
            left -= part;
        }
    }
}
