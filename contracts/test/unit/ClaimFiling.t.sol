// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken} from "../../src/interfaces/ICoverToken.sol";
import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {Claim, ClaimStatus} from "../../src/interfaces/MetaPoolTypes.sol";
import {Example1TestBase} from "../utils/Example1TestBase.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

/// @notice SPEC §7: filing a claim, what it checks and what it records.
contract ClaimFilingTest is Example1TestBase {
    string internal constant EVIDENCE = "https://example.org/post-mortem";

    function _approveBond(address mp, address who) internal {
        uint256 bond = ext(mp).params().claimBond;
        fund(who, bond);
        vm.prank(who);
        token.approve(mp, bond);
    }

    function _expectFileRevert(address mp, address who, uint256 poolId, uint256 incidentTime, bytes memory err)
        internal
    {
        _approveBond(mp, who);
        vm.expectRevert(err);
        vm.prank(who);
        core(mp).fileClaim(poolId, incidentTime, EVIDENCE);
    }

    // ----- fileClaim: reverts -----

    function test_fileClaim_onAPoolThatDoesNotExist_revertsInvalidPoolId() public {
        address mp = _example1();
        _expectFileRevert(
            mp, bob, 3, block.timestamp, abi.encodeWithSelector(IMetaPoolErrors.InvalidPoolId.selector, 3, 3)
        );
    }

    function test_fileClaim_onAPoolWithAPendingClaim_revertsPoolClaimPendingWithItsId() public {
        address mp = _example1();
        fileClaim(mp, bob, 1);
        uint256 claimId = fileClaim(mp, bob, 0);
        assertEq(claimId, 2);
        _expectFileRevert(
            mp, bob, 0, block.timestamp, abi.encodeWithSelector(IMetaPoolErrors.PoolClaimPending.selector, 0, 2)
        );
    }

    function test_fileClaim_onAPoolWithNoCover_revertsNoActiveCover() public {
        uint256[] memory covers = sameCovers(3, 100e18);
        covers[1] = 0;
        address mp = createWithCover(specParams(token, 3), 1000e18, covers);
        _expectFileRevert(
            mp, bob, 1, block.timestamp, abi.encodeWithSelector(IMetaPoolErrors.NoActiveCover.selector, 1)
        );
    }

    function test_fileClaim_byAnAccountWithoutCover_revertsNotCoverHolder() public {
        address mp = _example1();
        _expectFileRevert(
            mp, dave, 0, block.timestamp, abi.encodeWithSelector(IMetaPoolErrors.NotCoverHolder.selector, 0)
        );
    }

    function test_fileClaim_byAHolderOfAClosedEpochOnly_revertsNotCoverHolder() public {
        address mp = _example1Flat();
        rule(mp, fileClaim(mp, bob, 0), true);
        deposit(mp, dave, 100e18);
        buy(mp, carol, 0, 50e18);
        skip(1 days);
        core(mp).poke(16);
        assertEq(ext(mp).pool(0).epoch, 1);
        // bob still holds epoch 0's tokens, which are not cover any more.
        assertEq(ICoverToken(ext(mp).coverToken(0, 0)).balanceOf(bob), 100e18);
        _expectFileRevert(
            mp, bob, 0, block.timestamp, abi.encodeWithSelector(IMetaPoolErrors.NotCoverHolder.selector, 0)
        );
    }

    function test_fileClaim_namingAnIncidentBeforeTheEpochOpened_revertsIncidentBeforeEpoch() public {
        address mp = _example1();
        uint256 openedAt = block.timestamp;
        assertEq(ext(mp).pool(0).epochOpenedAt, openedAt);
        skip(1 hours);
        _expectFileRevert(
            mp,
            bob,
            0,
            openedAt - 1,
            abi.encodeWithSelector(IMetaPoolErrors.IncidentBeforeEpoch.selector, openedAt - 1, openedAt)
        );
        // The opening second itself is in.
        assertEq(fileClaimAt(mp, bob, 0, openedAt), 1);
    }

    function test_fileClaim_namingAnIncidentBeforeANewEpochOpened_revertsIncidentBeforeEpoch() public {
        address mp = _example1Flat();
        uint256 firstOpened = block.timestamp;
        rule(mp, fileClaim(mp, bob, 0), true);
        deposit(mp, dave, 100e18);
        buy(mp, carol, 0, 50e18);
        skip(1 days);
        core(mp).poke(16);
        uint256 reopened = block.timestamp;
        assertEq(ext(mp).pool(0).epochOpenedAt, reopened);
        _expectFileRevert(
            mp,
            carol,
            0,
            firstOpened,
            abi.encodeWithSelector(IMetaPoolErrors.IncidentBeforeEpoch.selector, firstOpened, reopened)
        );
    }

    function test_fileClaim_namingAnIncidentInTheFuture_revertsIncidentInFuture() public {
        address mp = _example1();
        skip(1 hours);
        uint256 nowTime = block.timestamp;
        _expectFileRevert(
            mp,
            bob,
            0,
            nowTime + 1,
            abi.encodeWithSelector(IMetaPoolErrors.IncidentInFuture.selector, nowTime + 1, nowTime)
        );
        // Now itself is in.
        assertEq(fileClaimAt(mp, bob, 0, nowTime), 1);
    }

    function test_fileClaim_withEvidenceOver1024Bytes_revertsEvidenceTooLong() public {
        address mp = _example1();
        _approveBond(mp, bob);
        vm.expectRevert(abi.encodeWithSelector(IMetaPoolErrors.EvidenceTooLong.selector, 1025, 1024));
        vm.prank(bob);
        core(mp).fileClaim(0, block.timestamp, string(new bytes(1025)));
        // Exactly 1 024 bytes is accepted.
        vm.prank(bob);
        assertEq(core(mp).fileClaim(0, block.timestamp, string(new bytes(1024))), 1);
    }

    function test_fileClaim_withoutApprovingTheBond_reverts() public {
        address mp = _example1();
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, mp, 0, 1e18));
        vm.prank(bob);
        core(mp).fileClaim(0, block.timestamp, EVIDENCE);
    }

    // ----- fileClaim: effects -----

    function test_fileClaim_takesTheBondRecordsTheClaimAndEmitsClaimFiled() public {
        address mp = _example1();
        uint256 incident = block.timestamp;
        skip(2 hours);
        _approveBond(mp, bob);
        uint256 bobBefore = token.balanceOf(bob);
        uint256 poolBefore = token.balanceOf(mp);

        vm.expectEmit(true, true, true, true, mp);
        emit IMetaPoolEvents.ClaimFiled(1, 2, 0, bob, uint40(incident), 1e18, keccak256(bytes(EVIDENCE)), EVIDENCE);
        vm.prank(bob);
        uint256 claimId = core(mp).fileClaim(2, incident, EVIDENCE);

        assertEq(claimId, 1);
        assertEq(bobBefore - token.balanceOf(bob), 1e18);
        assertEq(token.balanceOf(mp) - poolBefore, 1e18);
        (, uint256 bondsHeld,,) = ext(mp).liabilities();
        assertEq(bondsHeld, 1e18);
        Claim memory c = ext(mp).claim(1);
        assertEq(c.filer, bob);
        assertEq(c.poolId, 2);
        assertEq(uint8(c.status), uint8(ClaimStatus.Pending));
        assertEq(c.filedAt, block.timestamp);
        assertEq(c.incidentTime, incident);
        assertEq(c.epoch, 0);
        assertEq(c.resolvedAt, 0);
        assertEq(c.bond, 1e18);
        assertEq(c.evidenceHash, keccak256(bytes(EVIDENCE)));
        assertEq(ext(mp).pool(2).pendingClaimId, 1);
        // The bond is held apart: capital moved by two hours of premium only.
        uint256 premium = premiumFor(800e18 * uint256(0.0325e18), 2 hours);
        assertEq(ext(mp).capital(), 1000e18 + 3 * (premium - 2 * feeOf(premium, 500)));
    }

    function test_fileClaim_onAnotherPoolWhileAClaimIsPending_isAllowedWithTheNextId() public {
        address mp = _example1();
        assertEq(fileClaim(mp, bob, 0), 1);
        assertEq(fileClaim(mp, bob, 2), 2);
        (uint256 firstPending, uint256 nextClaimId, uint256 pending) = ext(mp).claimQueue();
        assertEq(firstPending, 1);
        assertEq(nextClaimId, 3);
        assertEq(pending, 2);
    }
}
