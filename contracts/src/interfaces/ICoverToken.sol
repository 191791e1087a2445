// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";

/// @notice A coverage pool epoch's cover token (SPEC §5).
interface ICoverToken is IERC20Metadata {
    /// @notice Mints cover; MetaPool only.
    function mint(address to, uint256 amount) external;
    /// @notice Burns cover; MetaPool only.
    function burn(address from, uint256 amount) external;
    function metaPool() external view returns (address);
    function poolId() external view returns (uint8);
    function epoch() external view returns (uint32);
    /// @notice `balance * K / supply`, projected to now and net of a pending claim's premium debt.
    function balanceOfUnderlying(address account) external view returns (uint256);
}

/// @notice What a cover token asks its MetaPool.
interface IMetaPoolCover {
    function poolName(uint256 poolId) external view returns (string memory);
    /// @notice Assets `tokens` of pool `poolId`'s epoch `epoch` are worth now (closed epochs: their payout share).
    function coverUnderlying(uint256 poolId, uint256 epoch, uint256 tokens) external view returns (uint256);
}
