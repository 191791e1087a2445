// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {DemoToken} from "../../src/demo/DemoToken.sol";
import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {MetaPoolTestBase} from "../utils/MetaPoolTestBase.sol";

/// @notice Approval by signature (EIP-2612): `multicall([selfPermit, action])` is one transaction with no approve.
contract PermitTest is MetaPoolTestBase {
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    DemoToken internal permitToken;
    address internal mp;
    address internal signer;
    uint256 internal signerKey;

    function setUp() public override {
        super.setUp();
        permitToken = new DemoToken("Demo USD", "dUSD", 18);
        (signer, signerKey) = makeAddrAndKey("signer");
        mp = createPool(specParams(permitToken, 3));
        vm.prank(alice);
        permitToken.faucet(1000e18);
        vm.startPrank(alice);
        permitToken.approve(mp, 1000e18);
        core(mp).deposit(1000e18, alice);
        vm.stopPrank();
        vm.prank(signer);
        permitToken.faucet(1000e18);
    }

    function _selfPermit(uint256 value, uint256 deadline) internal view returns (bytes memory) {
        bytes32 structHash =
            keccak256(abi.encode(PERMIT_TYPEHASH, signer, mp, value, permitToken.nonces(signer), deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", permitToken.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(signerKey, digest);
        return abi.encodeCall(ext(mp).selfPermit, (address(permitToken), value, deadline, v, r, s));
    }

    function _batch(bytes memory a, bytes memory b) internal pure returns (bytes[] memory calls) {
        calls = new bytes[](2);
        calls[0] = a;
        calls[1] = b;
    }

    function test_permitThenDeposit_inOneCall_withoutAnApproveTransaction() public {
        bytes[] memory calls =
            _batch(_selfPermit(100e18, block.timestamp + 1 hours), abi.encodeCall(core(mp).deposit, (100e18, signer)));
        vm.prank(signer);
        bytes[] memory results = ext(mp).multicall(calls);
        assertEq(abi.decode(results[1], (uint256)), 100e18);
        assertEq(ext(mp).balanceOf(signer), 100e18);
        assertEq(permitToken.allowance(signer, mp), 0);
    }

    function test_permitThenBuyProtection_andPermitThenFileClaim_inOneCallEach() public {
        bytes[] memory calls = _batch(
            _selfPermit(100e18, block.timestamp + 1 hours), abi.encodeCall(core(mp).buyProtection, (0, 100e18, signer))
        );
        vm.prank(signer);
        ext(mp).multicall(calls);
        assertEq(ext(mp).pool(0).pending, 100e18);
        skip(1 days);
        core(mp).poke(16);

        uint256 bond = ext(mp).params().claimBond;
        calls = _batch(
            _selfPermit(bond, block.timestamp + 1 hours),
            abi.encodeCall(core(mp).fileClaim, (0, block.timestamp, "https://example.org/post-mortem"))
        );
        vm.prank(signer);
        bytes[] memory results = ext(mp).multicall(calls);
        uint256 claimId = abi.decode(results[1], (uint256));
        assertEq(ext(mp).claim(claimId).filer, signer);
    }

    function test_replayedPermit_failsWithPermitRejected_namingTheShortAllowance() public {
        bytes memory permit = _selfPermit(100e18, block.timestamp + 1 hours);
        bytes[] memory calls = _batch(permit, abi.encodeCall(core(mp).deposit, (100e18, signer)));
        vm.prank(signer);
        ext(mp).multicall(calls);
        // The same signature again: its nonce is used, and the allowance it gave was spent.
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.PermitRejected.selector, 100e18, 0));
        vm.prank(signer);
        ext(mp).multicall(calls);
    }

    function test_expiredPermit_failsWithPermitExpired() public {
        uint256 deadline = block.timestamp + 1 hours;
        bytes memory permit = _selfPermit(100e18, deadline);
        skip(1 hours + 1);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.PermitExpired.selector, deadline, block.timestamp));
        vm.prank(signer);
        ext(mp).multicall(_batch(permit, abi.encodeCall(core(mp).deposit, (100e18, signer))));
    }

    /// Someone copies the signature from the mempool and submits the permit first: the action still goes through.
    function test_frontRunPermit_cannotBlockTheActionThatFollowsIt() public {
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash =
            keccak256(abi.encode(PERMIT_TYPEHASH, signer, mp, 100e18, permitToken.nonces(signer), deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", permitToken.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(signerKey, digest);
        vm.prank(dave);
        permitToken.permit(signer, mp, 100e18, deadline, v, r, s);

        bytes memory permit = abi.encodeCall(ext(mp).selfPermit, (address(permitToken), 100e18, deadline, v, r, s));
        vm.prank(signer);
        ext(mp).multicall(_batch(permit, abi.encodeCall(core(mp).deposit, (100e18, signer))));
        assertEq(ext(mp).balanceOf(signer), 100e18);
    }

    function test_selfPermit_revertsPermitTokenNotAsset_forAnyOtherToken() public {
        vm.expectRevert(
            abi.encodeWithSelector(IMetaPoolErrors.PermitTokenNotAsset.selector, address(token), address(permitToken))
        );
        vm.prank(signer);
        ext(mp).selfPermit(address(token), 1, block.timestamp, 27, bytes32(0), bytes32(0));
    }

    /// An action's own custom error comes out of the batch unchanged, so the app decodes it as usual.
    function test_multicall_revertsWithTheFailingCallsOwnError() public {
        bytes[] memory calls = _batch(
            _selfPermit(1000e18, block.timestamp + 1 hours),
            abi.encodeCall(core(mp).buyProtection, (0, 1000e18 + 1, signer))
        );
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.CapacityExceeded.selector, 1000e18));
        vm.prank(signer);
        ext(mp).multicall(calls);
    }

    /// An asset without EIP-2612 still works the usual way (approve, then act), inside a batch too.
    function test_assetWithoutPermit_stillWorksWithApprove() public {
        address plain = createPool(specParams(token, 1));
        fund(signer, 100e18);
        vm.prank(signer);
        token.approve(plain, 100e18);
        bytes[] memory calls = new bytes[](1);
        calls[0] = abi.encodeCall(core(plain).deposit, (100e18, signer));
        vm.prank(signer);
        ext(plain).multicall(calls);
        assertEq(ext(plain).balanceOf(signer), 100e18);
        // A permit for it fails clearly rather than silently.
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.PermitRejected.selector, 1e18, 0));
        vm.prank(signer);
        ext(plain).selfPermit(address(token), 1e18, block.timestamp, 27, bytes32(0), bytes32(0));
    }
}
