// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPool} from "../../src/MetaPool.sol";
import {MetaPoolExtension} from "../../src/MetaPoolExtension.sol";
import {MetaPoolFactory} from "../../src/MetaPoolFactory.sol";
import {ICoverToken} from "../../src/interfaces/ICoverToken.sol";
import {CoveragePoolParams, FundingCurve, MetaPoolParams} from "../../src/interfaces/MetaPoolTypes.sol";
import {CoverToken} from "../../src/tokens/CoverToken.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {Test} from "forge-std/Test.sol";

/// @notice Deploys the protocol and creates MetaPools with the SPEC §9 example parameters.
/// A MetaPool is one address with two facets: `core(mp)` for actions, `ext(mp)` for views and settlement.
abstract contract MetaPoolTestBase is Test {
    uint256 internal constant WAD = 1e18;
    uint256 internal constant YEAR = 365 days;

    MetaPoolFactory internal factory;
    MockERC20 internal token;

    address internal arbiter = makeAddr("arbiter");
    address internal creator = makeAddr("creator");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");
    address internal dave = makeAddr("dave");

    function setUp() public virtual {
        vm.warp(1_700_000_000);
        factory = deployFactory();
        token = new MockERC20("Test USD", "tUSD", 18);
    }

    function deployFactory() internal returns (MetaPoolFactory) {
        MetaPoolExtension extension = new MetaPoolExtension();
        MetaPool implementation = new MetaPool(address(extension));
        CoverToken coverImplementation = new CoverToken();
        return new MetaPoolFactory(address(implementation), address(coverImplementation));
    }

    /// @notice A factory whose MetaPools delegate to `extensionFacet` (e.g. the extension plus raw-state getters).
    function deployFactoryWithExtension(address extensionFacet) internal returns (MetaPoolFactory) {
        MetaPool implementation = new MetaPool(extensionFacet);
        CoverToken coverImplementation = new CoverToken();
        return new MetaPoolFactory(address(implementation), address(coverImplementation));
    }

    /// @notice SPEC §9 curve: base 2 %, slope1 8 %, kink 80 %, slope2 100 %.
    function specCurve() internal pure returns (FundingCurve memory) {
        return FundingCurve({baseRate: 0.02e18, slope1: 0.08e18, kink: 0.8e18, slope2: 1e18});
    }

    /// @notice SPEC §9 parameters: fees 5 % + 5 %, uncapped payout, 1-day delay, 7-day withdrawal period.
    function specParams(IERC20Metadata asset, uint256 poolCount) internal view returns (MetaPoolParams memory p) {
        uint256 one = 10 ** asset.decimals();
        p.asset = asset;
        p.arbiter = address(0);
        p.name = "Blue-chip lending";
        p.protectionStatement = "Pays when a covered protocol loses user funds to an exploit.";
        p.pools = new CoveragePoolParams[](poolCount);
        for (uint256 i; i < poolCount; ++i) {
            p.pools[i] = CoveragePoolParams({name: string.concat("Pool ", vm_toString(i)), description: "covered"});
        }
        p.arbiterFeeBps = 500;
        p.creatorFeeBps = 500;
        p.curve = specCurve();
        p.payoutMultiple = 0;
        p.withdrawalPeriod = 7 days;
        p.purchaseDelay = 1 days;
        p.claimBond = uint128(one);
        p.minPurchase = uint128(one / 100);
    }

    function createPool(MetaPoolParams memory p) internal returns (address mp) {
        if (p.arbiter == address(0)) p.arbiter = arbiter;
        vm.prank(creator);
        mp = factory.createMetaPool(p);
    }

    /// @notice The `pools` array of a `Synced` event: each pool's K in the low 128 bits, its claim debt above.
    function syncedPools(uint256[] memory active, uint256[] memory debt) internal pure returns (uint256[] memory p) {
        p = new uint256[](active.length);
        for (uint256 i; i < p.length; ++i) {
            p[i] = active[i] | (debt[i] << 128);
        }
    }

    function core(address mp) internal pure returns (MetaPool) {
        return MetaPool(mp);
    }

    function ext(address mp) internal pure returns (MetaPoolExtension) {
        return MetaPoolExtension(mp);
    }

    function fund(address who, uint256 amount) internal {
        token.mint(who, amount);
    }

    function deposit(address mp, address who, uint256 assets) internal returns (uint256 shares) {
        fund(who, assets);
        vm.startPrank(who);
        token.approve(mp, assets);
        shares = core(mp).deposit(assets, who);
        vm.stopPrank();
    }

    function buy(address mp, address who, uint256 poolId, uint256 amount) internal returns (uint256 purchaseId) {
        fund(who, amount);
        vm.startPrank(who);
        token.approve(mp, amount);
        purchaseId = core(mp).buyProtection(poolId, amount, who);
        vm.stopPrank();
    }

    /// @notice Buys and waits out the purchase delay, so the cover is active after the next sync.
    function buyActive(address mp, address who, uint256 poolId, uint256 amount) internal returns (uint256 purchaseId) {
        purchaseId = buy(mp, who, poolId, amount);
        skip(ext(mp).params().purchaseDelay);
        core(mp).poke(16);
    }

    function fileClaim(address mp, address who, uint256 poolId) internal returns (uint256 claimId) {
        uint256 bond = ext(mp).params().claimBond;
        fund(who, bond);
        vm.startPrank(who);
        token.approve(mp, bond);
        claimId = core(mp).fileClaim(poolId, block.timestamp, "https://example.org/post-mortem");
        vm.stopPrank();
    }

    function coverToken(address mp, uint256 poolId) internal view returns (ICoverToken) {
        return ICoverToken(ext(mp).pool(poolId).token);
    }

    // ----- claims, shutdown, fees and SPEC examples -----

    /// @notice Every rate zero (`kink` must still lie in (0, 1e18)).
    function zeroCurve() internal pure returns (FundingCurve memory) {
        return FundingCurve({baseRate: 0, slope1: 0, kink: 0.8e18, slope2: 0});
    }

    /// @notice The same `rate` at every utilisation.
    function flatCurve(uint64 rate) internal pure returns (FundingCurve memory) {
        return FundingCurve({baseRate: rate, slope1: 0, kink: 0.5e18, slope2: 0});
    }

    /// @notice Creates `p`, deposits `capital` from alice and buys `covers[i]` in pool `i` from bob (0 skips),
    /// then waits out the purchase delay: every cover matures in this same second, so no premium has accrued.
    function createWithCover(MetaPoolParams memory p, uint256 capital, uint256[] memory covers)
        internal
        returns (address mp)
    {
        mp = createPool(p);
        deposit(mp, alice, capital);
        for (uint256 i; i < covers.length; ++i) {
            if (covers[i] != 0) buy(mp, bob, i, covers[i]);
        }
        skip(p.purchaseDelay);
        core(mp).poke(16);
    }

    /// @notice `n` pools of `amount` each, for `createWithCover`.
    function sameCovers(uint256 n, uint256 amount) internal pure returns (uint256[] memory covers) {
        covers = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            covers[i] = amount;
        }
    }

    /// @notice Funds and files a claim naming `incidentTime`.
    function fileClaimAt(address mp, address who, uint256 poolId, uint256 incidentTime)
        internal
        returns (uint256 claimId)
    {
        uint256 bond = ext(mp).params().claimBond;
        fund(who, bond);
        vm.startPrank(who);
        token.approve(mp, bond);
        claimId = core(mp).fileClaim(poolId, incidentTime, "https://example.org/post-mortem");
        vm.stopPrank();
    }

    function rule(address mp, uint256 claimId, bool valid) internal {
        vm.prank(ext(mp).params().arbiter);
        core(mp).resolveClaim(claimId, valid);
    }

    function requestWithdrawal(address mp, address who, uint256 shares) internal returns (uint256 requestId) {
        vm.prank(who);
        requestId = core(mp).requestWithdrawal(shares);
    }

    /// @notice Premium one accrual of `dt` seconds at `speed` (WAD-assets a year) charges from a zero credit:
    /// `ceil(ceil(speed * dt / YEAR) / 1e18)`, SPEC §6.
    function premiumFor(uint256 speed, uint256 dt) internal pure returns (uint256) {
        uint256 owedWad = (speed * dt + YEAR - 1) / YEAR;
        return (owedWad + WAD - 1) / WAD;
    }

    /// @notice A fee on `amount`, rounded down (SPEC §6).
    function feeOf(uint256 amount, uint256 bps) internal pure returns (uint256) {
        return amount * bps / 10_000;
    }

    /// @notice SPEC §3 invariant 1 as an equality for a plain asset nobody donated to: the MetaPool holds exactly
    /// C + ΣK + ΣR + fees and returned bonds owed + bonds held + redeemable payouts + refunds owed.
    /// Syncs first, so the stored books and the views agree.
    function assertBooks(address mp) internal {
        core(mp).poke(16);
        (uint256 owedTotal, uint256 bondsHeld, uint256 redeemableTotal, uint256 refundsOwed) = ext(mp).liabilities();
        uint256 booked = ext(mp).capital() + ext(mp).metaPoolView().totalActive + ext(mp).metaPoolView().totalPending
            + owedTotal + bondsHeld + redeemableTotal + refundsOwed;
        assertEq(token.balanceOf(mp), booked, "books");
    }

    /// @notice Completes `shares` of `who`'s request `requestId`, paying `who`.
    function completeWithdrawal(address mp, address who, uint256 requestId, uint256 shares)
        internal
        returns (uint256 assets)
    {
        vm.prank(who);
        assets = core(mp).completeWithdrawal(requestId, shares, who);
    }

    /// @notice SPEC §9 parameters with every rate zero: capital moves only by deposits, withdrawals and claims.
    function zeroRateParams(uint256 poolCount, uint16 payoutMultiple) internal view returns (MetaPoolParams memory p) {
        p = specParams(token, poolCount);
        p.curve = zeroCurve();
        p.payoutMultiple = payoutMultiple;
    }

    /// @notice A flat 1 % a year on P = K (payoutMultiple 1): a pool's premium speed is 0.01 × K until the next
    /// sync, so one sync `secondsToLeave` later leaves K where a test wants it (e.g. just under a lapse).
    function lapseParams(uint256 poolCount) internal view returns (MetaPoolParams memory p) {
        p = specParams(token, poolCount);
        p.curve = flatCurve(0.01e18);
        p.payoutMultiple = 1;
    }

    /// @notice Seconds one accrual at `speed` (WAD-assets a year) takes to charge about `active - left`.
    function secondsToLeave(uint256 speed, uint256 active, uint256 left) internal pure returns (uint256) {
        return (active - left) * WAD * YEAR / speed;
    }

    /// @notice Funds and approves `who`, then expects `deposit(assets, who)` to revert with `err`.
    function expectDepositRevert(address mp, address who, uint256 assets, bytes memory err) internal {
        fund(who, assets);
        vm.prank(who);
        token.approve(mp, assets);
        vm.expectRevert(err);
        vm.prank(who);
        core(mp).deposit(assets, who);
    }

    function vm_toString(uint256 v) private pure returns (string memory) {
        if (v == 0) return "0";
        bytes memory b;
        while (v != 0) {
            b = abi.encodePacked(bytes1(uint8(48 + v % 10)), b);
            v /= 10;
        }
        return string(b);
    }
}
