// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {MetaPoolParams} from "../../src/interfaces/MetaPoolTypes.sol";
import {MetaPoolReaderExtension} from "../mocks/MetaPoolReaderExtension.sol";
import {MetaPoolTestBase} from "../utils/MetaPoolTestBase.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice SPEC §6: each charged premium splits into a floored arbiter fee, a floored creator fee and the rest
/// to C; fees are collected with `claimFees`.
contract FeesTest is MetaPoolTestBase {
    /// SPEC §9 example 3: one day of premium on a pool of example 1, whatever the fees.
    uint256 internal constant DAY_PREMIUM = 71_232_876_712_328_768;

    /// Example 1 (C 1 000, three pools of 100, example curve) with the given fees, matured this second.
    function _example1(uint16 arbiterFeeBps, uint16 creatorFeeBps) internal returns (address mp) {
        MetaPoolParams memory p = specParams(token, 3);
        p.arbiterFeeBps = arbiterFeeBps;
        p.creatorFeeBps = creatorFeeBps;
        return createWithCover(p, 1000e18, sameCovers(3, 100e18));
    }

    // ----- the split -----

    function test_sync_splitsEachPoolsPremium_flooringEachFeeAndLeavingTheDustInCapital() public {
        address mp = _example1(333, 1234);
        // 71 232 876 712 328 768 × 3.33 % = 2 372 054 794 520 547.97…; × 12.34 % = 8 790 136 986 301 369.97…
        uint256 arbiterFee = 2_372_054_794_520_547;
        uint256 creatorFee = 8_790_136_986_301_369;
        assertEq(feeOf(DAY_PREMIUM, 333), arbiterFee);
        assertEq(feeOf(DAY_PREMIUM, 1234), creatorFee);
        uint256 toCapital = DAY_PREMIUM - arbiterFee - creatorFee;

        skip(1 days);
        uint256[] memory active = new uint256[](3);
        uint256[] memory debt = new uint256[](3);
        for (uint256 i; i < 3; ++i) {
            active[i] = 100e18 - DAY_PREMIUM;
        }
        vm.expectEmit(false, false, false, true, mp);
        emit IMetaPoolEvents.Synced(
            uint40(block.timestamp),
            1000e18 + 3 * toCapital,
            syncedPools(active, debt),
            3 * toCapital,
            3 * arbiterFee,
            3 * creatorFee
        );
        core(mp).poke(16);

        // Each pool's charge is split on its own: flooring the total instead would give the arbiter 2 wei more.
        assertEq(ext(mp).feesOwed(arbiter), 3 * arbiterFee);
        assertEq(feeOf(3 * DAY_PREMIUM, 333), 3 * arbiterFee + 2);
        assertEq(ext(mp).feesOwed(creator), 3 * creatorFee);
        assertEq(ext(mp).capital(), 1000e18 + 3 * toCapital);
        (uint256 owedTotal,,,) = ext(mp).liabilities();
        assertEq(owedTotal, 3 * (arbiterFee + creatorFee));
    }

    function test_sync_withZeroFees_givesAllPremiumToCapital() public {
        address mp = _example1(0, 0);
        skip(1 days);
        core(mp).poke(16);
        assertEq(ext(mp).capital(), 1000e18 + 3 * DAY_PREMIUM);
        assertEq(ext(mp).feesOwed(arbiter), 0);
        assertEq(ext(mp).feesOwed(creator), 0);
        vm.expectRevert(IMetaPoolErrors.NoFees.selector);
        vm.prank(arbiter);
        ext(mp).claimFees(arbiter);
    }

    function test_sync_withMaximumFees_givesHalfThePremiumToFees() public {
        address mp = _example1(2500, 2500);
        skip(1 days);
        core(mp).poke(16);
        uint256 fee = feeOf(DAY_PREMIUM, 2500);
        assertEq(fee, 17_808_219_178_082_192);
        assertEq(ext(mp).feesOwed(arbiter), 3 * fee);
        assertEq(ext(mp).feesOwed(creator), 3 * fee);
        assertEq(ext(mp).capital(), 1000e18 + 3 * (DAY_PREMIUM - 2 * fee));
    }

    function test_invalidRuling_splitsTheChargedDebtLikePremium() public {
        address mp = _example1(333, 1234);
        uint256 claimId = fileClaim(mp, bob, 0);
        skip(1 days);
        rule(mp, claimId, false);
        // Two pools charged by the sync, one by the ruling: the same floored split each time.
        assertEq(ext(mp).feesOwed(arbiter), 3 * feeOf(DAY_PREMIUM, 333));
        assertEq(ext(mp).feesOwed(creator), 3 * feeOf(DAY_PREMIUM, 1234));
        uint256 toCapital = DAY_PREMIUM - feeOf(DAY_PREMIUM, 333) - feeOf(DAY_PREMIUM, 1234);
        assertEq(ext(mp).capital(), 1000e18 + 3 * toCapital + 1e18);
    }

    // ----- claimFees -----

    function test_claimFees_byTheArbiter_paysItsFeesToTheReceiverAndEmitsFeesClaimed() public {
        address mp = _example1(500, 500);
        skip(1 days);
        core(mp).poke(16);
        uint256 fees = 3 * feeOf(DAY_PREMIUM, 500);
        uint256 balanceBefore = token.balanceOf(mp);

        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.FeesClaimed(arbiter, dave, fees);
        vm.prank(arbiter);
        assertEq(ext(mp).claimFees(dave), fees);

        assertEq(token.balanceOf(dave), fees);
        assertEq(balanceBefore - token.balanceOf(mp), fees);
        assertEq(ext(mp).feesOwed(arbiter), 0);
        // The creator's share is untouched and still its own.
        assertEq(ext(mp).feesOwed(creator), fees);
        (uint256 owedTotal,,,) = ext(mp).liabilities();
        assertEq(owedTotal, fees);
    }

    function test_claimFees_byTheCreator_paysOnlyTheCreatorFees() public {
        address mp = _example1(100, 700);
        skip(1 days);
        vm.prank(creator);
        assertEq(ext(mp).claimFees(creator), 3 * feeOf(DAY_PREMIUM, 700));
        assertEq(token.balanceOf(creator), 3 * feeOf(DAY_PREMIUM, 700));
        assertEq(ext(mp).feesOwed(arbiter), 3 * feeOf(DAY_PREMIUM, 100));
    }

    function test_claimFees_whenTheArbiterIsTheCreator_paysBothFeesInOneCall() public {
        MetaPoolParams memory p = specParams(token, 3);
        p.arbiter = creator;
        p.arbiterFeeBps = 300;
        p.creatorFeeBps = 200;
        address mp = createWithCover(p, 1000e18, sameCovers(3, 100e18));
        skip(1 days);
        uint256 both = 3 * (feeOf(DAY_PREMIUM, 300) + feeOf(DAY_PREMIUM, 200));
        assertEq(ext(mp).feesOwed(creator), both);

        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.FeesClaimed(creator, creator, both);
        vm.prank(creator);
        assertEq(ext(mp).claimFees(creator), both);
        assertEq(token.balanceOf(creator), both);
        vm.expectRevert(IMetaPoolErrors.NoFees.selector);
        vm.prank(creator);
        ext(mp).claimFees(creator);
    }

    function test_claimFees_includesFeesAccruedSinceTheLastSync() public {
        address mp = _example1(500, 500);
        skip(1 days);
        // No sync has run since the cover matured: nothing is booked yet, but the view projects the day
        // and the call syncs before paying.
        (uint256 booked,,,) = ext(mp).liabilities();
        assertEq(booked, 0);
        uint256 fees = 3 * feeOf(DAY_PREMIUM, 500);
        assertEq(ext(mp).feesOwed(arbiter), fees);
        vm.prank(arbiter);
        assertEq(ext(mp).claimFees(arbiter), fees);
        (booked,,,) = ext(mp).liabilities();
        assertEq(booked, fees); // the creator's share, booked by the same sync
    }

    function test_claimFees_withNothingOwed_revertsNoFees() public {
        address mp = _example1(500, 500);
        // Nothing accrued yet.
        vm.expectRevert(IMetaPoolErrors.NoFees.selector);
        vm.prank(arbiter);
        ext(mp).claimFees(arbiter);
        skip(1 days);
        vm.expectRevert(IMetaPoolErrors.NoFees.selector);
        vm.prank(dave);
        ext(mp).claimFees(dave);
        // A second claim in the same second finds nothing.
        vm.prank(arbiter);
        ext(mp).claimFees(arbiter);
        vm.expectRevert(IMetaPoolErrors.NoFees.selector);
        vm.prank(arbiter);
        ext(mp).claimFees(arbiter);
    }

    function test_claimFees_toTheZeroAddress_revertsZeroAddress() public {
        address mp = _example1(500, 500);
        skip(1 days);
        vm.expectRevert(IMetaPoolErrors.ZeroAddress.selector);
        vm.prank(arbiter);
        ext(mp).claimFees(address(0));
    }

    /// Fee balances live in the sync's slot while they fit 72 bits (4.7e21 base units); a sync that would overflow
    /// one moves both into their owners' claimable balances. Nothing is capped or lost: every view and `claimFees`
    /// show and pay exactly the fees the `Synced` events split off, and the books still balance to the unit.
    function test_feeBalances_beyond72Bits_moveToTheClaimableBalances_andAreAllPaid() public {
        factory = deployFactoryWithExtension(address(new MetaPoolReaderExtension()));
        MetaPoolParams memory p = specParams(token, 3);
        // Example 1 at 1e24 scale: each pool's daily premium is ~7.1e22, its fees ~3.6e21 each.
        address mp = createWithCover(p, 1e27, sameCovers(3, 1e26));
        MetaPoolReaderExtension reader = MetaPoolReaderExtension(mp);
        uint256 arbiterAccrued;
        uint256 creatorAccrued;
        for (uint256 day; day < 3; ++day) {
            skip(1 days);
            vm.recordLogs();
            core(mp).poke(16);
            Vm.Log[] memory logs = vm.getRecordedLogs();
            for (uint256 i; i < logs.length; ++i) {
                if (logs[i].emitter != mp || logs[i].topics[0] != IMetaPoolEvents.Synced.selector) continue;
                (,,,, uint256 a, uint256 c) =
                    abi.decode(logs[i].data, (uint40, uint256, uint256[], uint256, uint256, uint256));
                (arbiterAccrued, creatorAccrued) = (arbiterAccrued + a, creatorAccrued + c);
            }
            assertEq(ext(mp).feesOwed(arbiter), arbiterAccrued, "arbiter fees owed");
            assertEq(ext(mp).feesOwed(creator), creatorAccrued, "creator fees owed");
            assertBooks(mp);
        }
        // The first day's fees already exceeded 72 bits together: both balances moved out of the sync slot.
        (uint256 hotArbiter, uint256 hotCreator, uint256 owedArbiter) = reader.rawFeeParts(arbiter);
        (,, uint256 owedCreator) = reader.rawFeeParts(creator);
        assertGt(arbiterAccrued, type(uint72).max);
        assertGt(owedArbiter, 0, "arbiter fees never moved");
        assertGt(owedCreator, 0, "creator fees never moved");
        assertEq(owedArbiter + hotArbiter, arbiterAccrued);
        assertEq(owedCreator + hotCreator, creatorAccrued);
        (uint256 owedTotal,,,) = ext(mp).liabilities();
        assertEq(owedTotal, arbiterAccrued + creatorAccrued);

        // One more day, synced by `claimFees` itself (the extension's general sync path moves balances the same way).
        skip(1 days);
        uint256 arbiterOwed = ext(mp).feesOwed(arbiter);
        vm.recordLogs();
        vm.prank(arbiter);
        assertEq(ext(mp).claimFees(arbiter), arbiterOwed);
        Vm.Log[] memory last = vm.getRecordedLogs();
        for (uint256 i; i < last.length; ++i) {
            if (last[i].emitter != mp || last[i].topics[0] != IMetaPoolEvents.Synced.selector) continue;
            (,,,, uint256 a, uint256 c) =
                abi.decode(last[i].data, (uint40, uint256, uint256[], uint256, uint256, uint256));
            (arbiterAccrued, creatorAccrued) = (arbiterAccrued + a, creatorAccrued + c);
        }
        assertEq(arbiterOwed, arbiterAccrued);
        vm.prank(creator);
        assertEq(ext(mp).claimFees(creator), creatorAccrued);
        assertEq(ext(mp).feesOwed(arbiter), 0);
        (owedTotal,,,) = ext(mp).liabilities();
        assertEq(owedTotal, 0);
        assertBooks(mp);
    }

    function test_claimFees_byAFilerWhoseClaimWasValid_paysTheBondWithItsFees() public {
        MetaPoolParams memory p = specParams(token, 3);
        p.arbiter = bob;
        p.curve = zeroCurve();
        address mp = createWithCover(p, 1000e18, sameCovers(3, 100e18));
        // bob is arbiter and filer here: the returned bond joins the same claimable balance.
        uint256 claimId = fileClaim(mp, bob, 0);
        vm.prank(bob);
        core(mp).resolveClaim(claimId, true);
        assertEq(ext(mp).feesOwed(bob), 1e18);
        uint256 before = token.balanceOf(bob);
        vm.prank(bob);
        assertEq(ext(mp).claimFees(bob), 1e18);
        assertEq(token.balanceOf(bob) - before, 1e18);
    }
}
