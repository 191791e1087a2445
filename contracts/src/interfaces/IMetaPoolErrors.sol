// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice Every revert of a MetaPool and its factory, each carrying the numbers a user needs to act.
interface IMetaPoolErrors {
    // ----- creation (each names the parameter) -----
    /// @notice `asset` is the zero address or has no code.
    error InvalidAsset(address asset);
    /// @notice Asset decimals must be 6..18.
    error InvalidAssetDecimals(uint8 decimals);
    /// @notice `arbiter` must not be the zero address.
    error InvalidArbiter();
    /// @notice `name` must be 1..64 bytes.
    error InvalidName(uint256 length);
    /// @notice `protectionStatement` must be 1..4096 bytes.
    error InvalidProtectionStatement(uint256 length);
    /// @notice 1..16 coverage pools.
    error InvalidPoolCount(uint256 count);
    /// @notice A coverage pool name must be 1..64 bytes.
    error InvalidPoolName(uint256 poolId, uint256 length);
    /// @notice A coverage pool description must be at most 280 bytes.
    error InvalidPoolDescription(uint256 poolId, uint256 length);
    /// @notice `arbiterFeeBps + creatorFeeBps` must be at most 5000.
    error InvalidFees(uint256 arbiterFeeBps, uint256 creatorFeeBps);
    /// @notice `0 < kink < 1e18`.
    error InvalidKink(uint256 kink);
    /// @notice `baseRate + slope1 + slope2` must be at most 10e18 (1000 % a year).
    error InvalidCurveSum(uint256 sum);
    /// @notice `payoutMultiple` must be 0 (uncapped) or 1..10000.
    error InvalidPayoutMultiple(uint256 payoutMultiple);
    /// @notice `withdrawalPeriod` must be 1 hour .. 365 days.
    error InvalidWithdrawalPeriod(uint256 withdrawalPeriod);
    /// @notice `purchaseDelay` must be 1 hour .. 30 days.
    error InvalidPurchaseDelay(uint256 purchaseDelay);
    /// @notice `claimBond` must be at least one whole token (`minimum`).
    error InvalidClaimBond(uint256 claimBond, uint256 minimum);
    /// @notice `minPurchase` must be at least a hundredth of a token (`minimum`).
    error InvalidMinPurchase(uint256 minPurchase, uint256 minimum);

    // ----- general -----
    error ZeroAmount();
    error ZeroAddress();
    error MetaPoolIsShutDown();
    error MetaPoolNotShutDown();
    /// @notice Deposits, withdrawals, purchases and maturing wait for the arbiter's ruling on `claimId`.
    error ClaimPending(uint256 claimId);
    error InvalidPoolId(uint256 poolId, uint256 poolCount);
    /// @notice More than 16 purchases are due: call `poke` until `remaining` is 0.
    error SyncRequired(uint256 remaining);
    /// @notice The asset moved a different amount than asked (fee-on-transfer tokens are unsupported).
    error TransferAmountMismatch(uint256 expected, uint256 received);

    // ----- underwriters -----
    /// @notice ERC-4626 `mint`, `withdraw` and `redeem` are disabled: use `requestWithdrawal`.
    error UseWithdrawalRequest();
    /// @notice The deposit is too small to mint a single share at the current price.
    error ZeroShares(uint256 assets);
    error InsufficientShares(uint256 requested, uint256 balance);
    error UnknownRequest(uint256 requestId);
    error NotRequestOwner(uint256 requestId, address owner);
    /// @notice The request unlocks at `unlockAt`.
    error WithdrawalLocked(uint256 unlockAt);
    /// @notice The window to complete the request closed at `windowEnd`; cancel it and request again.
    error WithdrawalWindowClosed(uint256 windowEnd);
    error InsufficientRequestShares(uint256 requested, uint256 available);
    /// @notice Only `available` of capital is not backing cover now.
    error InsufficientFreeCapital(uint256 available);

    // ----- seekers -----
    error BelowMinPurchase(uint256 amount, uint256 minPurchase);
    /// @notice Only `available` of capacity is left.
    error CapacityExceeded(uint256 available);
    error UnknownPurchase(uint256 purchaseId);
    error NothingToRefund(uint256 purchaseId);
    /// @notice The purchase is still pending; it matures at `maturesAt`.
    error PurchaseNotRefundable(uint256 purchaseId, uint256 maturesAt);
    /// @notice Only the buyer may take back a purchase frozen by a pending claim.
    error OnlyBuyer(uint256 purchaseId, address buyer);
    error InsufficientCover(uint256 requested, uint256 balance);
    /// @notice The epoch is still open (only closed epochs redeem through `redeemPayout`).
    error EpochNotClosed(uint256 poolId, uint256 epoch);
    error NothingToRedeem(uint256 poolId, uint256 epoch);

    // ----- claims -----
    error NotCoverHolder(uint256 poolId);
    error NoActiveCover(uint256 poolId);
    /// @notice The pool already has claim `claimId` pending.
    error PoolClaimPending(uint256 poolId, uint256 claimId);
    /// @notice The incident predates the current epoch, which opened at `epochOpenedAt`.
    error IncidentBeforeEpoch(uint256 incidentTime, uint256 epochOpenedAt);
    error IncidentInFuture(uint256 incidentTime, uint256 nowTime);
    error EvidenceTooLong(uint256 length, uint256 maxLength);
    error NotArbiter(address arbiter);
    /// @notice Claims are ruled in filing order: rule `claimId` first.
    error EarlierClaimPending(uint256 claimId);
    error ClaimNotPending(uint256 claimId);
    /// @notice Only the arbiter may shut down, or anyone once claim `claimId` has been pending until `allowedAt`.
    error ShutdownNotAllowed(uint256 claimId, uint256 allowedAt);
    error NoFees();
    error InvalidMaxItems(uint256 maxItems);

    /// @notice `selfPermit` names a token other than this MetaPool's asset.
    error PermitTokenNotAsset(address token, address asset);
    /// @notice The permit's deadline has passed: sign a new one.
    error PermitExpired(uint256 deadline, uint256 nowTime);
    /// @notice The token refused the permit (wrong signer, or a nonce already used: a replay) and the allowance
    /// is short of `value`.
    error PermitRejected(uint256 value, uint256 allowance);
}
