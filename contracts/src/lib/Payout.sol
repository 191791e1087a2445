// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice What a valid claim on a pool pays from capital (SPEC §3). Pure math, no storage.
library Payout {
    /// @notice `P = K + F` when uncapped (`payoutMultiple == 0`), else `K + min(F, (payoutMultiple - 1) * K)`.
    /// Cannot wrap: K and F are amounts (below 2^129) and `payoutMultiple` at most 10 000.
    function payout(uint256 active, uint256 free, uint256 payoutMultiple) internal pure returns (uint256) {
        unchecked {
            if (payoutMultiple == 0) return active + free;
            uint256 extra = (payoutMultiple - 1) * active;
            return active + (free < extra ? free : extra);
        }
    }
}
