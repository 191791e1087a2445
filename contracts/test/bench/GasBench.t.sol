// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPoolParams} from "../../src/interfaces/MetaPoolTypes.sol";
import {MetaPoolTestBase} from "../utils/MetaPoolTestBase.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";

/// @notice A bare OpenZeppelin ERC-4626 vault over the same asset, the deposit baseline.
contract BareVault is ERC4626 {
    constructor(IERC20 asset_) ERC20("Bare", "BARE") ERC4626(asset_) {}
}

/// @notice Gas of every action in realistic worst cases (16 pools with cover, an hour of accrual, 16 due purchases).
/// Run with `npm run bench` (isolated transactions: cold storage as on chain); figures land in snapshots/.
contract GasBench is MetaPoolTestBase {
    uint256 internal constant CAPITAL = 1_000_000e18;
    uint256 internal constant COVER = 1000e18;

    /// @dev A MetaPool with `pools` coverage pools, each holding active cover, synced once since (steady state:
    /// fee balances and accumulators already non-zero), and an hour of premium to accrue.
    function _market(uint256 pools) internal returns (address mp) {
        mp = createPool(specParams(token, pools));
        deposit(mp, alice, CAPITAL);
        for (uint256 i; i < pools; ++i) {
            buy(mp, bob, i, COVER);
        }
        skip(1 days);
        core(mp).poke(16);
        skip(1 hours);
        core(mp).poke(16);
        skip(1 hours);
    }

    function _prepare(address mp, address who, uint256 amount) internal {
        fund(who, amount);
        vm.prank(who);
        token.approve(mp, amount);
    }

    function test_bench_deposit_3pools() public {
        address mp = _market(3);
        _prepare(mp, carol, 100e18);
        vm.prank(carol);
        core(mp).deposit(100e18, carol);
        vm.snapshotGasLastCall("deposit (3 pools, 1 h accrual)");
    }

    function test_bench_deposit_bareErc4626() public {
        BareVault vault = new BareVault(token);
        fund(alice, CAPITAL);
        vm.startPrank(alice);
        token.approve(address(vault), CAPITAL);
        vault.deposit(CAPITAL, alice);
        vm.stopPrank();
        fund(carol, 100e18);
        vm.prank(carol);
        token.approve(address(vault), 100e18);
        vm.prank(carol);
        vault.deposit(100e18, carol);
        vm.snapshotGasLastCall("bare OpenZeppelin ERC-4626 deposit");
    }

    function test_bench_deposit_16pools() public {
        address mp = _market(16);
        _prepare(mp, carol, 100e18);
        vm.prank(carol);
        core(mp).deposit(100e18, carol);
        vm.snapshotGasLastCall("deposit (16 pools, 1 h accrual)");
    }

    function test_bench_withdrawalLifecycle_3pools() public {
        address mp = _market(3);
        vm.prank(alice);
        uint256 requestId = core(mp).requestWithdrawal(1000e18);
        vm.snapshotGasLastCall("requestWithdrawal (3 pools)");
        vm.prank(alice);
        uint256 second = core(mp).requestWithdrawal(1000e18);
        skip(7 days);
        vm.prank(alice);
        core(mp).completeWithdrawal(requestId, 1000e18, alice);
        vm.snapshotGasLastCall("completeWithdrawal (3 pools)");
        vm.prank(alice);
        core(mp).cancelWithdrawal(second);
        vm.snapshotGasLastCall("cancelWithdrawal (3 pools)");
    }

    function test_bench_buyProtection_3pools() public {
        address mp = _market(3);
        _prepare(mp, carol, COVER);
        vm.prank(carol);
        core(mp).buyProtection(1, COVER, carol);
        vm.snapshotGasLastCall("buyProtection (3 pools)");
    }

    function test_bench_maturing_1_and_16() public {
        address mp = _market(16);
        for (uint256 i; i < 17; ++i) {
            buy(mp, carol, i % 16, COVER);
        }
        skip(1 days);
        core(mp).poke(1);
        vm.snapshotGasLastCall("poke maturing 1 purchase (16 pools)");
        core(mp).poke(16);
        vm.snapshotGasLastCall("poke maturing 16 purchases (16 pools)");
    }

    function test_bench_sync_16pools_nothingDue() public {
        address mp = _market(16);
        core(mp).poke(16);
        vm.snapshotGasLastCall("sync of 16 pools, 1 h accrual, nothing due");
        core(mp).poke(16);
        vm.snapshotGasLastCall("sync of 16 pools, same block");
    }

    function test_bench_withdrawProtection_3pools() public {
        address mp = _market(3);
        vm.prank(bob);
        core(mp).withdrawProtection(0, 100e18, bob);
        vm.snapshotGasLastCall("withdrawProtection (3 pools)");
    }

    function test_bench_claims_16pools_oneHolder() public {
        address mp = _market(16);
        _prepare(mp, bob, 2e18);
        vm.prank(bob);
        core(mp).fileClaim(0, block.timestamp, "https://example.org/incident");
        vm.snapshotGasLastCall("fileClaim (16 pools)");
        vm.prank(bob);
        core(mp).fileClaim(1, block.timestamp, "https://example.org/incident");
        skip(1 hours);
        vm.prank(arbiter);
        core(mp).resolveClaim(1, false);
        vm.snapshotGasLastCall("resolveClaim invalid (16 pools)");
        vm.prank(arbiter);
        core(mp).resolveClaim(2, true);
        vm.snapshotGasLastCall("resolveClaim valid (16 pools, 1 holder)");
        vm.prank(bob);
        ext(mp).redeemPayout(1, 0, bob);
        vm.snapshotGasLastCall("redeemPayout");
    }

    function test_bench_resolveValid_16pools_thousandHolders() public {
        address mp = _market(16);
        address tokenAddr = address(coverToken(mp, 0));
        for (uint256 i; i < 1000; ++i) {
            vm.prank(bob);
            IERC20(tokenAddr).transfer(address(uint160(0x10000 + i)), 0.5e18);
        }
        _prepare(mp, bob, 1e18);
        vm.prank(bob);
        core(mp).fileClaim(0, block.timestamp, "https://example.org/incident");
        vm.prank(arbiter);
        core(mp).resolveClaim(1, true);
        vm.snapshotGasLastCall("resolveClaim valid (16 pools, 1000 holders)");
    }

    function test_bench_refund_fees_shutdown_16pools() public {
        address mp = _market(16);
        uint256 purchaseId = buy(mp, carol, 2, COVER);
        vm.prank(arbiter);
        core(mp).shutdown();
        vm.snapshotGasLastCall("shutdown (16 pools, 1 pending purchase)");
        core(mp).refundPurchase(purchaseId);
        vm.snapshotGasLastCall("refundPurchase");
        vm.prank(creator);
        ext(mp).claimFees(creator);
        vm.snapshotGasLastCall("claimFees");
    }

    function test_bench_createMetaPool() public {
        MetaPoolParams memory p3 = specParams(token, 3);
        p3.arbiter = arbiter;
        factory.createMetaPool(p3);
        vm.snapshotGasLastCall("createMetaPool (3 pools)");
        MetaPoolParams memory p16 = specParams(token, 16);
        p16.arbiter = arbiter;
        factory.createMetaPool(p16);
        vm.snapshotGasLastCall("createMetaPool (16 pools)");
    }
}
