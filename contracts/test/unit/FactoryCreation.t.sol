// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolFactory} from "../../src/interfaces/IMetaPoolFactory.sol";
import {MetaPoolConfig, MetaPoolParams} from "../../src/interfaces/MetaPoolTypes.sol";
import {FactoryTestBase} from "../utils/FactoryTestBase.sol";

/// @notice `MetaPoolFactory`: what a creation stores, the listing, and the creation event.
contract FactoryCreationTest is FactoryTestBase {
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
}
