// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice Events from which an indexer rebuilds a MetaPool's whole state without calls.
interface IMetaPoolEvents {
    /// @notice Premium accrued to `timestamp`: new capital, every pool's active cover and claim debt, and the fee split.
    /// `pools[i]` packs pool `i`'s state after the sync: its active cover K in the low 128 bits and its claim debt in
    /// the high 128 bits (`K = pools[i] & (2**128 - 1)`, `debt = pools[i] >> 128`; both are below 2^128).
    event Synced(
        uint40 timestamp,
        uint256 capital,
        uint256[] pools,
        uint256 premiumToCapital,
        uint256 arbiterFees,
        uint256 creatorFees
    );

    event Deposited(
        address indexed caller,
        address indexed receiver,
        uint256 assets,
        uint256 shares,
        uint256 capital,
        uint256 shareSupply
    );
    event WithdrawalRequested(
        uint256 indexed requestId, address indexed owner, uint256 shares, uint256 assetsAtRequest, uint40 unlockAt
    );
    event WithdrawalCompleted(
        uint256 indexed requestId,
        address indexed owner,
        address receiver,
        uint256 shares,
        uint256 assets,
        uint256 sharesLeft,
        uint256 assetsAtRequestLeft,
        uint256 capital
    );
    event WithdrawalCancelled(
        uint256 indexed requestId, address indexed owner, uint256 sharesReturned, uint256 sharesBurned
    );
    event Exited(address indexed owner, address indexed receiver, uint256 shares, uint256 assets, uint256 capital);
    /// @notice ERC-4626's own deposit event, emitted with `Deposited` so vault indexers see deposits.
    event Deposit(address indexed sender, address indexed owner, uint256 assets, uint256 shares);
    /// @notice A near-full wipe closed share epoch `closedEpoch`: every balance of it (requested shares included)
    /// becomes `floor(balance * capital / supply)` shares of `newEpoch`, without `Transfer` events.
    event ShareEpochClosed(uint32 indexed closedEpoch, uint32 newEpoch, uint256 capital, uint256 supply);

    event ProtectionBought(
        uint256 indexed purchaseId,
        uint8 indexed poolId,
        address indexed buyer,
        address receiver,
        uint256 amount,
        uint40 maturesAt,
        uint256 poolPending
    );
    event PurchaseMatured(
        uint256 indexed purchaseId,
        uint8 indexed poolId,
        uint32 epoch,
        uint256 accepted,
        uint256 tokens,
        uint40 maturedAt,
        uint256 poolActive,
        uint256 coverSupply
    );
    event PurchaseRefunded(uint256 indexed purchaseId, address indexed buyer, uint256 amount);
    /// @notice A claim freeze ended: every pending purchase with id in [fromId, toId) restarted its delay and now
    /// matures at `maturesAt` (the ruling plus the purchase delay).
    event PurchasesRestarted(uint256 fromId, uint256 toId, uint40 maturesAt);
    /// @notice A valid claim or a shutdown made every pending purchase with id in [fromId, toId) refundable.
    event PurchasesVoided(uint256 fromId, uint256 toId, uint256 total);
    event ProtectionWithdrawn(
        uint8 indexed poolId,
        uint32 epoch,
        address indexed owner,
        address receiver,
        uint256 tokens,
        uint256 assets,
        uint256 debtCharged,
        uint256 poolActive,
        uint256 coverSupply
    );
    event CoverEpochOpened(uint8 indexed poolId, uint32 epoch, address token, uint40 openedAt);
    /// @notice The epoch closed by a valid claim (`lapsed` false) or a lapse; its tokens redeem `redeemable` pro rata.
    event CoverEpochClosed(uint8 indexed poolId, uint32 epoch, uint256 redeemable, uint256 supply, bool lapsed);
    event PayoutRedeemed(
        uint8 indexed poolId, uint32 epoch, address indexed owner, address receiver, uint256 tokens, uint256 assets
    );

    event ClaimFiled(
        uint256 indexed claimId,
        uint8 indexed poolId,
        uint32 epoch,
        address indexed filer,
        uint40 incidentTime,
        uint256 bond,
        bytes32 evidenceHash,
        string evidence
    );
    event ClaimResolved(
        uint256 indexed claimId,
        uint8 indexed poolId,
        bool valid,
        uint256 payout,
        uint256 redeemable,
        uint256 debtCharged,
        uint256 capital
    );
    event ClaimVoided(uint256 indexed claimId, uint8 indexed poolId, uint256 debtCharged);
    event FeesClaimed(address indexed account, address indexed receiver, uint256 amount);
    event MetaPoolShutDown(address indexed caller, uint40 timestamp);
}
