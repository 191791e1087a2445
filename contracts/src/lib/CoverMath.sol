// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Rounding} from "./Rounding.sol";

/// @notice What cover tokens are worth and pay (SPEC §5). Pure math, no storage.
library CoverMath {
    /// @notice Withdrawing `tokens` of `supply` from a pool holding `active` (K) with claim debt `debt`.
    /// The tokens' share of the debt rounds up (`ceil(tokens * debt / supply)`) but is charged at most their
    /// share of K; the payment `floor(tokens * (K - debt) / supply)` rounds down. Both favour the pool.
    /// @return assets paid, @return charged premium taken, @return debtShare debt removed (the part of it
    /// beyond `charged` is forgiven, like all premium beyond K).
    function withdrawal(uint256 tokens, uint256 active, uint256 supply, uint256 debt)
        internal
        pure
        returns (uint256 assets, uint256 charged, uint256 debtShare)
    {
        if (debt != 0) {
            debtShare = Rounding.mulDivUp(tokens, debt, supply);
            uint256 activeShare = Rounding.mulDivUp(tokens, active, supply);
            charged = debtShare < activeShare ? debtShare : activeShare;
        }
        uint256 net = active > debt ? active - debt : 0;
        assets = tokens * net / supply;
    }
}
