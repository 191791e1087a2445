// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPool} from "../../src/MetaPool.sol";
import {FundingCurve, MetaPoolConfig, MetaPoolParams} from "../../src/interfaces/MetaPoolTypes.sol";
import {FactoryTestBase} from "../utils/FactoryTestBase.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

/// @notice `MetaPoolFactory`: the EIP-1167 clones, their immutable args, and their one-time initialisation.
contract FactoryClonesTest is FactoryTestBase {
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
