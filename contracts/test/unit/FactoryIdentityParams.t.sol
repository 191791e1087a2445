// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {CoveragePoolParams, MetaPoolParams} from "../../src/interfaces/MetaPoolTypes.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {FactoryTestBase} from "../utils/FactoryTestBase.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";

/// @notice `MetaPoolFactory` (SPEC §2): the asset, arbiter, name, protection statement and coverage pools, each at
/// its bounds and just past them.
contract FactoryIdentityParamsTest is FactoryTestBase {
    // ----- helpers -----

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
}
