// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPoolTestBase} from "./MetaPoolTestBase.sol";

/// @notice The underwriter tests' (SPEC §4) shared MetaPool, two pools with the SPEC §9 parameters, and helpers.
abstract contract UnderwritingTestBase is MetaPoolTestBase {
    address internal mp;

    function setUp() public override {
        super.setUp();
        mp = createPool(specParams(token, 2));
    }

    // ----- helpers -----

    /// @dev A MetaPool that charges no premium, so capital moves only by deposits, withdrawals and claims.
    function zeroRatePool(uint16 payoutMultiple) internal returns (address pool) {
        pool = createPool(zeroRateParams(2, payoutMultiple));
    }

    /// @dev alice holds all 1 000 shares and bob 100 of active cover in pool 0 (matured this second, C = 1 000).
    function withCover() internal {
        deposit(mp, alice, 1000e18);
        buyActive(mp, bob, 0, 100e18);
    }

    /// @dev `withCover`, then 30 days of premium: C > 1 000 while the supply is still 1 000.
    function liftPrice() internal {
        withCover();
        skip(30 days);
        core(mp).poke(16);
        assertGt(ext(mp).capital(), 1000e18);
    }

    /// @dev Value of `account`'s shares at the current (projected) price.
    function valueOf(address pool, address account) internal view returns (uint256) {
        return ext(pool).convertToAssets(ext(pool).balanceOf(account));
    }
}
