// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMetaPoolErrors} from "../interfaces/IMetaPoolErrors.sol";
import {MetaPoolParams} from "../interfaces/MetaPoolTypes.sol";

/// @notice SPEC §2: every creation parameter's bounds, each failure naming its parameter.
library ParamsValidation {
    uint256 internal constant MAX_POOLS = 16;
    uint256 internal constant MAX_NAME = 64;
    uint256 internal constant MAX_STATEMENT = 4096;
    uint256 internal constant MAX_DESCRIPTION = 280;
    uint256 internal constant MAX_TOTAL_FEE_BPS = 5000;
    uint256 internal constant MAX_CURVE_SUM = 10e18;
    uint256 internal constant MAX_PAYOUT_MULTIPLE = 10_000;

    /// @return decimals the asset's decimals (6..18)
    function validate(MetaPoolParams calldata p) internal view returns (uint8 decimals) {
        address asset = address(p.asset);
        if (asset.code.length == 0) revert IMetaPoolErrors.InvalidAsset(asset);
        try p.asset.decimals() returns (uint8 d) {
            decimals = d;
        } catch {
            revert IMetaPoolErrors.InvalidAsset(asset);
        }
        if (decimals < 6 || decimals > 18) revert IMetaPoolErrors.InvalidAssetDecimals(decimals);
        if (p.arbiter == address(0)) revert IMetaPoolErrors.InvalidArbiter();
        uint256 len = bytes(p.name).length;
        if (len == 0 || len > MAX_NAME) revert IMetaPoolErrors.InvalidName(len);
        len = bytes(p.protectionStatement).length;
        if (len == 0 || len > MAX_STATEMENT) revert IMetaPoolErrors.InvalidProtectionStatement(len);
        _validatePools(p);
        if (uint256(p.arbiterFeeBps) + p.creatorFeeBps > MAX_TOTAL_FEE_BPS) {
            revert IMetaPoolErrors.InvalidFees(p.arbiterFeeBps, p.creatorFeeBps);
        }
        if (p.curve.kink == 0 || p.curve.kink >= 1e18) revert IMetaPoolErrors.InvalidKink(p.curve.kink);
        uint256 curveSum = uint256(p.curve.baseRate) + p.curve.slope1 + p.curve.slope2;
        if (curveSum > MAX_CURVE_SUM) revert IMetaPoolErrors.InvalidCurveSum(curveSum);
        if (p.payoutMultiple > MAX_PAYOUT_MULTIPLE) revert IMetaPoolErrors.InvalidPayoutMultiple(p.payoutMultiple);
        if (p.withdrawalPeriod < 1 hours || p.withdrawalPeriod > 365 days) {
            revert IMetaPoolErrors.InvalidWithdrawalPeriod(p.withdrawalPeriod);
        }
        if (p.purchaseDelay < 1 hours || p.purchaseDelay > 30 days) {
            revert IMetaPoolErrors.InvalidPurchaseDelay(p.purchaseDelay);
        }
        uint256 one = 10 ** decimals;
        if (p.claimBond < one) revert IMetaPoolErrors.InvalidClaimBond(p.claimBond, one);
        if (p.minPurchase < one / 100) revert IMetaPoolErrors.InvalidMinPurchase(p.minPurchase, one / 100);
    }

    function _validatePools(MetaPoolParams calldata p) private pure {
        uint256 n = p.pools.length;
        if (n == 0 || n > MAX_POOLS) revert IMetaPoolErrors.InvalidPoolCount(n);
        for (uint256 i; i < n; ++i) {
            uint256 len = bytes(p.pools[i].name).length;
            if (len == 0 || len > MAX_NAME) revert IMetaPoolErrors.InvalidPoolName(i, len);
            len = bytes(p.pools[i].description).length;
            if (len > MAX_DESCRIPTION) revert IMetaPoolErrors.InvalidPoolDescription(i, len);
        }
    }
}
