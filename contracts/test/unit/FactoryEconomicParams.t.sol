// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {MetaPoolConfig, MetaPoolParams} from "../../src/interfaces/MetaPoolTypes.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {FactoryTestBase} from "../utils/FactoryTestBase.sol";

/// @notice `MetaPoolFactory` (SPEC §2): fees, the funding curve, the payout multiple, the periods, the claim bond
/// and the minimum purchase, each at its bounds and just past them.
contract FactoryEconomicParamsTest is FactoryTestBase {
    // ----- fees and funding curve -----

    function test_createMetaPool_acceptsFees_summingToExactly5000Bps() public {
        MetaPoolParams memory p = validParams();
        (p.arbiterFeeBps, p.creatorFeeBps) = (2500, 2500);
        MetaPoolConfig memory c = ext(create(p)).params();
        assertEq(c.arbiterFeeBps, 2500);
        assertEq(c.creatorFeeBps, 2500);
        (p.arbiterFeeBps, p.creatorFeeBps) = (5000, 0);
        create(p);
        (p.arbiterFeeBps, p.creatorFeeBps) = (0, 5000);
        create(p);
    }

    function test_createMetaPool_revertsInvalidFees_at5001Bps() public {
        MetaPoolParams memory p = validParams();
        (p.arbiterFeeBps, p.creatorFeeBps) = (2500, 2501);
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidFees.selector, 2500, 2501));
        (p.arbiterFeeBps, p.creatorFeeBps) = (5001, 0);
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidFees.selector, 5001, 0));
    }

    function test_createMetaPool_acceptsKinks_ofOneWeiAndJustBelowOne() public {
        MetaPoolParams memory p = validParams();
        p.curve.kink = 1;
        assertEq(ext(create(p)).params().curve.kink, 1);
        p.curve.kink = 1e18 - 1;
        assertEq(ext(create(p)).params().curve.kink, 1e18 - 1);
    }

    function test_createMetaPool_revertsInvalidKink_atZero() public {
        MetaPoolParams memory p = validParams();
        p.curve.kink = 0;
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidKink.selector, 0));
    }

    function test_createMetaPool_revertsInvalidKink_atOne() public {
        MetaPoolParams memory p = validParams();
        p.curve.kink = 1e18;
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidKink.selector, 1e18));
    }

    function test_createMetaPool_acceptsACurveSummingToExactlyTenWad() public {
        MetaPoolParams memory p = validParams();
        (p.curve.baseRate, p.curve.slope1, p.curve.slope2) = (4e18, 3e18, 3e18);
        address mp = create(p);
        assertEq(ext(mp).fundingRate(1e18), 10e18);
    }

    function test_createMetaPool_revertsInvalidCurveSum_oneWeiAboveTenWad() public {
        MetaPoolParams memory p = validParams();
        (p.curve.baseRate, p.curve.slope1, p.curve.slope2) = (4e18, 3e18, 3e18 + 1);
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidCurveSum.selector, 10e18 + 1));
    }

    function test_createMetaPool_revertsInvalidCurveSum_whenOneTermAloneExceedsTenWad() public {
        MetaPoolParams memory p = validParams();
        (p.curve.baseRate, p.curve.slope1, p.curve.slope2) = (type(uint64).max, 0, 0);
        expectCreateRevert(
            p, abi.encodeWithSelector(IMetaPoolErrors.InvalidCurveSum.selector, uint256(type(uint64).max))
        );
    }

    // ----- payout multiple, periods, bond, minimum purchase -----

    function test_createMetaPool_acceptsPayoutMultiples_ofZeroOneAndTenThousand() public {
        MetaPoolParams memory p = validParams();
        p.payoutMultiple = 0;
        assertEq(ext(create(p)).params().payoutMultiple, 0);
        p.payoutMultiple = 1;
        assertEq(ext(create(p)).params().payoutMultiple, 1);
        p.payoutMultiple = 10_000;
        assertEq(ext(create(p)).params().payoutMultiple, 10_000);
    }

    function test_createMetaPool_revertsInvalidPayoutMultiple_at10001() public {
        MetaPoolParams memory p = validParams();
        p.payoutMultiple = 10_001;
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidPayoutMultiple.selector, 10_001));
    }

    function test_createMetaPool_acceptsWithdrawalPeriods_ofOneHourAnd365Days() public {
        MetaPoolParams memory p = validParams();
        p.withdrawalPeriod = 1 hours;
        assertEq(ext(create(p)).params().withdrawalPeriod, 1 hours);
        p.withdrawalPeriod = 365 days;
        assertEq(ext(create(p)).params().withdrawalPeriod, 365 days);
    }

    function test_createMetaPool_revertsInvalidWithdrawalPeriod_oneSecondOutsideEitherBound() public {
        MetaPoolParams memory p = validParams();
        p.withdrawalPeriod = 1 hours - 1;
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidWithdrawalPeriod.selector, 1 hours - 1));
        p.withdrawalPeriod = 365 days + 1;
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidWithdrawalPeriod.selector, 365 days + 1));
    }

    function test_createMetaPool_acceptsPurchaseDelays_ofOneHourAndThirtyDays() public {
        MetaPoolParams memory p = validParams();
        p.purchaseDelay = 1 hours;
        assertEq(ext(create(p)).params().purchaseDelay, 1 hours);
        p.purchaseDelay = 30 days;
        assertEq(ext(create(p)).params().purchaseDelay, 30 days);
    }

    function test_createMetaPool_revertsInvalidPurchaseDelay_oneSecondOutsideEitherBound() public {
        MetaPoolParams memory p = validParams();
        p.purchaseDelay = 1 hours - 1;
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidPurchaseDelay.selector, 1 hours - 1));
        p.purchaseDelay = 30 days + 1;
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidPurchaseDelay.selector, 30 days + 1));
    }

    function test_createMetaPool_acceptsAClaimBond_ofExactlyOneToken() public {
        MetaPoolParams memory p = validParams();
        p.claimBond = 1e18;
        assertEq(ext(create(p)).params().claimBond, 1e18);
    }

    function test_createMetaPool_revertsInvalidClaimBond_oneWeiBelowOneToken() public {
        MetaPoolParams memory p = validParams();
        p.claimBond = 1e18 - 1;
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidClaimBond.selector, 1e18 - 1, 1e18));
    }

    function test_createMetaPool_scalesTheClaimBondMinimum_toSixDecimals() public {
        MetaPoolParams memory p = specParams(new MockERC20("Six", "SIX", 6), 1);
        p.arbiter = arbiter;
        p.claimBond = 1e6;
        assertEq(ext(create(p)).params().claimBond, 1e6);
        p.claimBond = 1e6 - 1;
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidClaimBond.selector, 1e6 - 1, 1e6));
    }

    function test_createMetaPool_acceptsAMinPurchase_ofExactlyAHundredthOfAToken() public {
        MetaPoolParams memory p = validParams();
        p.minPurchase = 1e16;
        assertEq(ext(create(p)).params().minPurchase, 1e16);
    }

    function test_createMetaPool_revertsInvalidMinPurchase_oneWeiBelowAHundredthOfAToken() public {
        MetaPoolParams memory p = validParams();
        p.minPurchase = 1e16 - 1;
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidMinPurchase.selector, 1e16 - 1, 1e16));
    }

    function test_createMetaPool_scalesTheMinPurchaseMinimum_toSixDecimals() public {
        MetaPoolParams memory p = specParams(new MockERC20("Six", "SIX", 6), 1);
        p.arbiter = arbiter;
        p.minPurchase = 1e4;
        assertEq(ext(create(p)).params().minPurchase, 1e4);
        p.minPurchase = 1e4 - 1;
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidMinPurchase.selector, 1e4 - 1, 1e4));
    }
}
