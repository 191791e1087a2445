// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice Share <-> asset conversion (SPEC §4). Pure math, no storage.
/// The +1 virtual share and asset (OpenZeppelin style, offset 0) make donation games unprofitable; and since
/// capital is booked, not read from the balance, a plain transfer to the MetaPool never moves the price.
library ShareMath {
    /// @notice Shares for `assets`, rounded down; 1:1 when there are no shares (new holders own what is left).
    function toShares(uint256 assets, uint256 capital, uint256 supply) internal pure returns (uint256) {
        if (supply == 0) return assets;
        return assets * (supply + 1) / (capital + 1);
    }

    /// @notice Shares a deposit of `assets` mints: `toShares`, except that with no shares at all the depositor also
    /// takes whatever capital was left (SPEC §4: it goes to the new holders) as shares at exactly 1:1. Minting only
    /// `assets` would leave a few shares priced far above 1 (e.g. 1 share for 1.2 tokens after a 1-wei deposit), and
    /// the next depositor would lose up to a whole share's price to rounding; priced at 1, nobody does.
    function depositShares(uint256 assets, uint256 capital, uint256 supply) internal pure returns (uint256) {
        if (supply == 0) return assets + capital;
        return assets * (supply + 1) / (capital + 1);
    }

    /// @notice Assets for `shares`, rounded down.
    function toAssets(uint256 shares, uint256 capital, uint256 supply) internal pure returns (uint256) {
        if (supply == 0) return shares;
        return shares * (capital + 1) / (supply + 1);
    }

    /// @notice The min rule: a request pays its pro-rata `assetsAtRequest`, or what the shares are worth now
    /// if that is less (requested shares bear losses but earn nothing). Both round down.
    function requestPayment(uint256 shares, uint256 requestShares, uint256 assetsAtRequest, uint256 worth)
        internal
        pure
        returns (uint256)
    {
        uint256 promised = shares * assetsAtRequest / requestShares;
        return promised < worth ? promised : worth;
    }
}
