// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPool} from "../../src/MetaPool.sol";
import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolFactory} from "../../src/interfaces/IMetaPoolFactory.sol";
import {CoveragePoolParams, FundingCurve, MetaPoolConfig, MetaPoolParams} from "../../src/interfaces/MetaPoolTypes.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {MetaPoolTestBase} from "../utils/MetaPoolTestBase.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";

/// @notice `MetaPoolFactory`: every creation parameter at its bounds and just past them (SPEC §2), the listing,
/// the creation event, and the clones' one-time initialisation.
contract FactoryTest is MetaPoolTestBase {
    /// @dev The SPEC §9 parameters with the arbiter set: valid as they stand.
    function validParams() internal view returns (MetaPoolParams memory p) {
        p = specParams(token, 3);
        p.arbiter = arbiter;
    }

    function expectCreateRevert(MetaPoolParams memory p, bytes memory err) internal {
        vm.expectRevert(err);
        vm.prank(creator);
        factory.createMetaPool(p);
    }

    function create(MetaPoolParams memory p) internal returns (address mp) {
        vm.prank(creator);
        mp = factory.createMetaPool(p);
    }

    function text(uint256 length) internal pure returns (string memory) {
        bytes memory b = new bytes(length);
        for (uint256 i; i < length; ++i) {
            b[i] = "a";
        }
        return string(b);
    }

    function pools(uint256 n) internal pure returns (CoveragePoolParams[] memory list) {
        list = new CoveragePoolParams[](n);
        for (uint256 i; i < n; ++i) {
            list[i] = CoveragePoolParams({name: "Protocol", description: ""});
        }
    }

    // ----- asset -----

    function test_createMetaPool_revertsInvalidAsset_whenTheAssetIsTheZeroAddress() public {
        MetaPoolParams memory p = validParams();
        p.asset = IERC20Metadata(address(0));
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidAsset.selector, address(0)));
    }

    function test_createMetaPool_revertsInvalidAsset_whenTheAssetHasNoCode() public {
        MetaPoolParams memory p = validParams();
        p.asset = IERC20Metadata(dave);
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidAsset.selector, dave));
    }

    function test_createMetaPool_revertsInvalidAsset_whenTheAssetHasNoDecimals() public {
        MetaPoolParams memory p = validParams();
        p.asset = IERC20Metadata(address(factory));
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidAsset.selector, address(factory)));
    }

    function test_createMetaPool_acceptsAssets_withSixAndEighteenDecimals() public {
        MetaPoolParams memory p = specParams(new MockERC20("Six", "SIX", 6), 1);
        p.arbiter = arbiter;
        assertEq(ext(create(p)).params().decimals, 6);
        p = specParams(new MockERC20("Eighteen", "EIGHTEEN", 18), 1);
        p.arbiter = arbiter;
        assertEq(ext(create(p)).params().decimals, 18);
    }

    function test_createMetaPool_revertsInvalidAssetDecimals_atFiveDecimals() public {
        MetaPoolParams memory p = validParams();
        p.asset = new MockERC20("Five", "FIVE", 5);
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidAssetDecimals.selector, uint8(5)));
    }

    function test_createMetaPool_revertsInvalidAssetDecimals_atNineteenDecimals() public {
        MetaPoolParams memory p = validParams();
        p.asset = new MockERC20("Nineteen", "NINETEEN", 19);
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidAssetDecimals.selector, uint8(19)));
    }

    // ----- arbiter, name, protection statement -----

    function test_createMetaPool_revertsInvalidArbiter_whenTheArbiterIsTheZeroAddress() public {
        MetaPoolParams memory p = validParams();
        p.arbiter = address(0);
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidArbiter.selector));
    }

    function test_createMetaPool_acceptsNames_ofOneAndSixtyFourBytes() public {
        MetaPoolParams memory p = validParams();
        p.name = text(1);
        assertEq(ext(create(p)).params().name, text(1));
        p.name = text(64);
        assertEq(ext(create(p)).params().name, text(64));
    }

    function test_createMetaPool_revertsInvalidName_whenTheNameIsEmpty() public {
        MetaPoolParams memory p = validParams();
        p.name = "";
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidName.selector, 0));
    }

    function test_createMetaPool_revertsInvalidName_atSixtyFiveBytes() public {
        MetaPoolParams memory p = validParams();
        p.name = text(65);
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidName.selector, 65));
    }

    function test_createMetaPool_acceptsProtectionStatements_ofOneAnd4096Bytes() public {
        MetaPoolParams memory p = validParams();
        p.protectionStatement = text(1);
        assertEq(ext(create(p)).params().protectionStatementHash, keccak256(bytes(text(1))));
        p.protectionStatement = text(4096);
        assertEq(ext(create(p)).params().protectionStatementHash, keccak256(bytes(text(4096))));
    }

    function test_createMetaPool_revertsInvalidProtectionStatement_whenItIsEmpty() public {
        MetaPoolParams memory p = validParams();
        p.protectionStatement = "";
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidProtectionStatement.selector, 0));
    }

    function test_createMetaPool_revertsInvalidProtectionStatement_at4097Bytes() public {
        MetaPoolParams memory p = validParams();
        p.protectionStatement = text(4097);
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidProtectionStatement.selector, 4097));
    }

    // ----- coverage pools -----

    function test_createMetaPool_acceptsOneAndSixteenCoveragePools() public {
        MetaPoolParams memory p = validParams();
        p.pools = pools(1);
        assertEq(ext(create(p)).poolCount(), 1);
        p.pools = pools(16);
        address mp = create(p);
        assertEq(ext(mp).poolCount(), 16);
        assertEq(ext(mp).params().poolCount, 16);
        assertEq(ext(mp).poolName(15), "Protocol");
    }

    function test_createMetaPool_revertsInvalidPoolCount_withNoCoveragePool() public {
        MetaPoolParams memory p = validParams();
        p.pools = pools(0);
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidPoolCount.selector, 0));
    }

    function test_createMetaPool_revertsInvalidPoolCount_withSeventeenCoveragePools() public {
        MetaPoolParams memory p = validParams();
        p.pools = pools(17);
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidPoolCount.selector, 17));
    }

    function test_createMetaPool_acceptsPoolNames_ofOneAndSixtyFourBytes() public {
        MetaPoolParams memory p = validParams();
        p.pools[1].name = text(1);
        p.pools[2].name = text(64);
        address mp = create(p);
        assertEq(ext(mp).poolName(1), text(1));
        assertEq(ext(mp).poolName(2), text(64));
        assertEq(ext(mp).pool(2).name, text(64));
    }

    function test_createMetaPool_revertsInvalidPoolName_whenAPoolNameIsEmpty() public {
        MetaPoolParams memory p = validParams();
        p.pools[2].name = "";
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidPoolName.selector, 2, 0));
    }

    function test_createMetaPool_revertsInvalidPoolName_atSixtyFiveBytes() public {
        MetaPoolParams memory p = validParams();
        p.pools[1].name = text(65);
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidPoolName.selector, 1, 65));
    }

    function test_createMetaPool_acceptsPoolDescriptions_ofZeroAnd280Bytes() public {
        MetaPoolParams memory p = validParams();
        p.pools[0].description = "";
        p.pools[1].description = text(280);
        assertEq(ext(create(p)).poolCount(), 3);
    }

    function test_createMetaPool_revertsInvalidPoolDescription_at281Bytes() public {
        MetaPoolParams memory p = validParams();
        p.pools[1].description = text(281);
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidPoolDescription.selector, 1, 281));
    }

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

    // ----- stored configuration -----

    function test_createMetaPool_storesEveryParameter_andTheCallerAsCreator() public {
        MetaPoolParams memory p = validParams();
        p.payoutMultiple = 7;
        vm.prank(dave);
        address mp = factory.createMetaPool(p);
        MetaPoolConfig memory c = ext(mp).params();
        assertEq(address(c.asset), address(token));
        assertEq(ext(mp).asset(), address(token));
        assertEq(c.decimals, 18);
        assertEq(c.arbiter, arbiter);
        assertEq(c.creator, dave);
        assertEq(c.name, p.name);
        assertEq(c.protectionStatementHash, keccak256(bytes(p.protectionStatement)));
        assertEq(c.arbiterFeeBps, 500);
        assertEq(c.creatorFeeBps, 500);
        assertEq(c.curve.baseRate, 0.02e18);
        assertEq(c.curve.slope1, 0.08e18);
        assertEq(c.curve.kink, 0.8e18);
        assertEq(c.curve.slope2, 1e18);
        assertEq(c.payoutMultiple, 7);
        assertEq(c.withdrawalPeriod, 7 days);
        assertEq(c.purchaseDelay, 1 days);
        assertEq(c.claimBond, 1e18);
        assertEq(c.minPurchase, 1e16);
        assertEq(c.poolCount, 3);
        assertEq(ext(mp).poolName(0), "Pool 0");
        assertEq(ext(mp).poolName(2), "Pool 2");
        assertFalse(ext(mp).isShutDown());
        assertEq(ext(mp).capital(), 0);
    }

    // ----- listing -----

    function test_metaPoolCount_andMetaPoolAt_listMetaPoolsInCreationOrder() public {
        assertEq(factory.metaPoolCount(), 0);
        address first = create(validParams());
        address second = create(validParams());
        address third = create(validParams());
        assertEq(factory.metaPoolCount(), 3);
        assertEq(factory.metaPoolAt(0), first);
        assertEq(factory.metaPoolAt(1), second);
        assertEq(factory.metaPoolAt(2), third);
        assertTrue(first != second && second != third);
    }

    function test_metaPoolAt_revertsIndexOutOfRange_pastTheLastIndex() public {
        create(validParams());
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolFactory.IndexOutOfRange.selector, 1, 1));
        factory.metaPoolAt(1);
    }

    function test_createMetaPool_addsNothingToTheList_whenItReverts() public {
        create(validParams());
        MetaPoolParams memory p = validParams();
        p.name = "";
        expectCreateRevert(p, abi.encodeWithSelector(IMetaPoolErrors.InvalidName.selector, 0));
        assertEq(factory.metaPoolCount(), 1);
    }

    function test_metaPools_returnsAPage_fromOffsetOfAtMostLimit() public {
        address[] memory created = new address[](5);
        for (uint256 i; i < 5; ++i) {
            created[i] = create(validParams());
        }
        address[] memory page = factory.metaPools(0, 10);
        assertEq(page.length, 5);
        for (uint256 i; i < 5; ++i) {
            assertEq(page[i], created[i]);
        }
        page = factory.metaPools(1, 2);
        assertEq(page.length, 2);
        assertEq(page[0], created[1]);
        assertEq(page[1], created[2]);
        page = factory.metaPools(3, 5);
        assertEq(page.length, 2);
        assertEq(page[0], created[3]);
        assertEq(page[1], created[4]);
        assertEq(factory.metaPools(4, 1)[0], created[4]);
    }

    function test_metaPools_returnsAnEmptyPage_atOrPastTheEndOrWithLimitZero() public {
        assertEq(factory.metaPools(0, 10).length, 0);
        create(validParams());
        create(validParams());
        assertEq(factory.metaPools(2, 10).length, 0);
        assertEq(factory.metaPools(7, 1).length, 0);
        assertEq(factory.metaPools(0, 0).length, 0);
        assertEq(factory.metaPools(type(uint256).max, type(uint256).max).length, 0);
    }

    function test_metaPools_returnsTheRest_whenTheLimitIsTheLargestUint() public {
        create(validParams());
        address second = create(validParams());
        address third = create(validParams());
        address[] memory page = factory.metaPools(1, type(uint256).max);
        assertEq(page.length, 2);
        assertEq(page[0], second);
        assertEq(page[1], third);
    }

    // ----- event -----

    function test_createMetaPool_emitsMetaPoolCreated_withEveryParameterAndTheIndex() public {
        create(validParams());
        MetaPoolParams memory p = validParams();
        p.pools[1].description = "A long description only the creation event carries.";
        address predicted = vm.computeCreateAddress(address(factory), vm.getNonce(address(factory)));
        vm.expectEmit(true, true, true, true, address(factory));
        emit IMetaPoolFactory.MetaPoolCreated(predicted, creator, arbiter, address(token), 1, p);
        address mp = create(p);
        assertEq(mp, predicted);
    }

    // ----- clones and initialisation -----

    function test_createMetaPool_deploysAnEip1167CloneOfTheImplementation_withTheConfigAsImmutableArgs() public {
        MetaPoolParams memory p = validParams();
        address mp = create(p);
        bytes memory proxy =
            abi.encodePacked(hex"363d3d373d3d3d363d73", factory.implementation(), hex"5af43d82803e903d91602b57fd5bf3");
        assertEq(mp.code, bytes.concat(proxy, expectedArgs(p, creator)));
        assertEq(Clones.fetchCloneArgs(mp), expectedArgs(p, creator));
        assertTrue(factory.coverTokenImplementation().code.length != 0);
    }

    function test_params_returnsEveryCreationParameter_fromTheCloneArgsAndStorage() public {
        MetaPoolParams memory p = validParams();
        p.curve = FundingCurve({baseRate: 1, slope1: 2, kink: 3, slope2: 4});
        (p.arbiterFeeBps, p.creatorFeeBps, p.payoutMultiple) = (17, 29, 7);
        (p.withdrawalPeriod, p.purchaseDelay) = (2 days, 3 hours);
        (p.claimBond, p.minPurchase) = (type(uint128).max, type(uint128).max - 1);
        MetaPoolConfig memory c = ext(create(p)).params();
        assertEq(address(c.asset), address(token));
        assertEq(c.decimals, 18);
        assertEq(c.arbiter, arbiter);
        assertEq(c.creator, creator);
        assertEq(c.name, p.name);
        assertEq(c.protectionStatementHash, keccak256(bytes(p.protectionStatement)));
        assertEq(c.arbiterFeeBps, 17);
        assertEq(c.creatorFeeBps, 29);
        assertEq(abi.encode(c.curve), abi.encode(p.curve));
        assertEq(c.payoutMultiple, 7);
        assertEq(c.withdrawalPeriod, 2 days);
        assertEq(c.purchaseDelay, 3 hours);
        assertEq(c.claimBond, type(uint128).max);
        assertEq(c.minPurchase, type(uint128).max - 1);
        assertEq(c.poolCount, 3);
    }

    /// @dev The clone args (see ConfigArgs), encoded here independently of the contracts.
    function expectedArgs(MetaPoolParams memory p, address by) internal view returns (bytes memory) {
        return bytes.concat(
            abi.encodePacked(
                p.curve.baseRate, p.curve.slope1, p.curve.kink, p.curve.slope2, uint8(p.pools.length), p.arbiterFeeBps
            ),
            abi.encodePacked(
                p.creatorFeeBps, p.payoutMultiple, p.purchaseDelay, p.withdrawalPeriod, p.minPurchase, uint8(0)
            ),
            abi.encodePacked(p.claimBond, address(p.asset), p.arbiter, by, factory.coverTokenImplementation()),
            abi.encodePacked(keccak256(bytes(p.protectionStatement)))
        );
    }

    function test_initialize_reverts_onACloneWhoseArgsAreNotItsParams() public {
        MetaPoolParams memory p = validParams();
        address coverImplementation = factory.coverTokenImplementation();
        MetaPoolParams memory other = validParams();
        other.creatorFeeBps += 1;
        address clone = Clones.cloneWithImmutableArgs(factory.implementation(), expectedArgs(other, creator));
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        core(clone).initialize(p, creator, coverImplementation);
        // The same clone initialises with the params its args encode.
        core(clone).initialize(other, creator, coverImplementation);
        assertEq(ext(clone).params().creatorFeeBps, other.creatorFeeBps);
    }

    function test_initialize_reverts_onTheImplementation() public {
        MetaPool implementation = MetaPool(factory.implementation());
        MetaPoolParams memory p = validParams();
        address coverImplementation = factory.coverTokenImplementation();
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        implementation.initialize(p, creator, coverImplementation);
    }

    function test_initialize_reverts_onACloneAlreadyInitialized() public {
        address mp = create(validParams());
        MetaPoolParams memory p = validParams();
        p.arbiter = dave;
        address coverImplementation = factory.coverTokenImplementation();
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        vm.prank(dave);
        core(mp).initialize(p, dave, coverImplementation);
        assertEq(ext(mp).params().arbiter, arbiter);
        assertEq(ext(mp).params().creator, creator);
    }
}
