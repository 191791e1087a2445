// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPoolParams} from "../../src/interfaces/MetaPoolTypes.sol";
import {MetaPoolTestBase} from "./MetaPoolTestBase.sol";

/// @notice The SPEC §9 example 1 MetaPools the claim (SPEC §7) and shutdown (SPEC §8) tests start from.
abstract contract Example1TestBase is MetaPoolTestBase {
    /// SPEC §9 example 1 (C 1 000, three pools of 100) with the example curve, matured this second.
    function _example1() internal returns (address mp) {
        return createWithCover(specParams(token, 3), 1000e18, sameCovers(3, 100e18));
    }

    /// Example 1 with every rate zero, so amounts do not move with time.
    function _example1Flat() internal returns (address mp) {
        MetaPoolParams memory p = specParams(token, 3);
        p.curve = zeroCurve();
        return createWithCover(p, 1000e18, sameCovers(3, 100e18));
    }
}
