// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMetaPoolErrors} from "../../src/interfaces/IMetaPoolErrors.sol";
import {IMetaPoolEvents} from "../../src/interfaces/IMetaPoolEvents.sol";
import {MetaPoolParams} from "../../src/interfaces/MetaPoolTypes.sol";
import {MetaPoolTestBase} from "../utils/MetaPoolTestBase.sol";

/// @notice The MetaPool read as an ERC-4626 vault must never mislead an integrator (SPEC §4): properties in the
/// style of the a16z ERC-4626 suite, over fuzzed markets whose share price premiums have moved.
contract Erc4626PropertiesTest is MetaPoolTestBase {
    enum Mode {
        Open,
        ClaimPending,
        ShutDown,
        ManyDue
    }

    /// A 3-pool market with `capital`, `cover` in pool 0 and `elapsed` seconds of premium since it matured.
    function _market(uint256 capital, uint256 cover, uint256 elapsed) internal returns (address mp) {
        capital = bound(capital, 1e18, 1e27);
        cover = bound(cover, 1e16, capital / 2);
        MetaPoolParams memory p = specParams(token, 3);
        p.payoutMultiple = 3; // cover keeps going for the year (uncapped, premium on all of F could lapse it)
        mp = createPool(p);
        deposit(mp, alice, capital);
        buyActive(mp, bob, 0, cover);
        skip(bound(elapsed, 0, 365 days));
    }

    function _inMode(address mp, Mode mode) internal {
        if (mode == Mode.ClaimPending) {
            fileClaim(mp, bob, 0);
        } else if (mode == Mode.ShutDown) {
            vm.prank(arbiter);
            core(mp).shutdown();
        } else if (mode == Mode.ManyDue) {
            for (uint256 i; i < 17; ++i) {
                buy(mp, carol, 1, 1e16);
            }
            skip(1 days);
        }
    }

    function testFuzz_previewDeposit_equalsTheSharesDepositMints_andNeverOverEstimates(
        uint256 capital,
        uint256 cover,
        uint256 elapsed,
        uint256 assets
    ) public {
        address mp = _market(capital, cover, elapsed);
        assets = bound(assets, 1, 1e27);
        uint256 preview = ext(mp).previewDeposit(assets);
        vm.assume(preview != 0);
        uint256 before = ext(mp).totalAssets();
        fund(carol, assets);
        vm.startPrank(carol);
        token.approve(mp, assets);
        vm.expectEmit(true, true, false, true, mp);
        emit IMetaPoolEvents.Deposit(carol, dave, assets, preview);
        uint256 shares = core(mp).deposit(assets, dave);
        vm.stopPrank();
        assertEq(shares, preview);
        assertEq(ext(mp).balanceOf(dave), shares);
        assertEq(ext(mp).totalAssets(), before + assets);
        // A deposit never buys more than it paid for.
        assertLe(ext(mp).convertToAssets(shares), assets);
    }

    function testFuzz_convertFunctions_doNotDependOnTheCaller(
        uint256 capital,
        uint256 cover,
        uint256 elapsed,
        uint256 x
    ) public {
        address mp = _market(capital, cover, elapsed);
        x = bound(x, 0, 1e30);
        uint256 shares = ext(mp).convertToShares(x);
        uint256 assets = ext(mp).convertToAssets(x);
        address[3] memory callers = [alice, carol, address(0)];
        for (uint256 i; i < callers.length; ++i) {
            vm.prank(callers[i]);
            assertEq(ext(mp).convertToShares(x), shares);
            vm.prank(callers[i]);
            assertEq(ext(mp).convertToAssets(x), assets);
        }
    }

    function testFuzz_roundTrips_neverCreateValue(uint256 capital, uint256 cover, uint256 elapsed, uint256 x) public {
        address mp = _market(capital, cover, elapsed);
        x = bound(x, 0, 1e30);
        assertLe(ext(mp).convertToAssets(ext(mp).convertToShares(x)), x);
        assertLe(ext(mp).convertToShares(ext(mp).convertToAssets(x)), x);
    }

    /// max* never revert; maxDeposit is 0 exactly when deposit reverts (shut down, claim pending, > 16 due).
    function testFuzz_maxFunctions_neverRevert_andMaxDepositIsZeroWheneverDepositWouldRevert(
        uint256 capital,
        uint256 cover,
        uint256 elapsed,
        uint8 modeSeed,
        uint256 assets
    ) public {
        address mp = _market(capital, cover, elapsed);
        Mode mode = Mode(modeSeed % 4);
        _inMode(mp, mode);
        uint256 maxDeposit = ext(mp).maxDeposit(carol);
        assertEq(ext(mp).maxMint(carol), 0);
        assertEq(ext(mp).maxWithdraw(alice), 0);
        assertEq(ext(mp).maxRedeem(alice), 0);

        assets = bound(assets, 1e18, 1e24);
        fund(carol, assets);
        vm.prank(carol);
        token.approve(mp, assets);
        if (mode == Mode.Open) {
            assertGe(maxDeposit, assets);
            vm.prank(carol);
            core(mp).deposit(assets, carol);
        } else {
            assertEq(maxDeposit, 0);
            vm.expectRevert();
            vm.prank(carol);
            core(mp).deposit(assets, carol);
        }
    }

    function test_disabledActionsAndTheirPreviews_revertUseWithdrawalRequest() public {
        address mp = _market(1000e18, 100e18, 1 days);
        bytes memory err = abi.encodeWithSelector(IMetaPoolErrors.UseWithdrawalRequest.selector);
        vm.expectRevert(err);
        ext(mp).previewMint(1e18);
        vm.expectRevert(err);
        ext(mp).previewWithdraw(1e18);
        vm.expectRevert(err);
        ext(mp).previewRedeem(1e18);
        vm.expectRevert(err);
        ext(mp).mint(1e18, alice);
        vm.expectRevert(err);
        ext(mp).withdraw(1e18, alice, alice);
        vm.expectRevert(err);
        ext(mp).redeem(1e18, alice, alice);
    }

    function test_assetAndTotalAssets_describeTheVault() public {
        address mp = _market(1000e18, 100e18, 1 days);
        assertEq(ext(mp).asset(), address(token));
        assertEq(ext(mp).totalAssets(), ext(mp).capital());
        assertEq(ext(mp).decimals(), token.decimals());
    }
}
