// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICoverToken, IMetaPoolCover} from "../interfaces/ICoverToken.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

/// @notice One coverage pool epoch's cover token: an ERC-20 minted and burned by its MetaPool alone.
/// Deployed as an EIP-1167 clone whose immutable args are (metaPool, poolId, epoch, decimals), so opening
/// an epoch writes no token storage.
contract CoverToken is ERC20, ICoverToken {
    error OnlyMetaPool(address metaPool);

    constructor() ERC20("", "") {}

    modifier onlyMetaPool() {
        (address pool,,,) = _args();
        if (msg.sender != pool) revert OnlyMetaPool(pool);
        _;
    }

    /// @inheritdoc ICoverToken
    function mint(address to, uint256 amount) external onlyMetaPool {
        _mint(to, amount);
    }

    /// @inheritdoc ICoverToken
    function burn(address from, uint256 amount) external onlyMetaPool {
        _burn(from, amount);
    }

    /// @inheritdoc ICoverToken
    function metaPool() public view returns (address pool) {
        (pool,,,) = _args();
    }

    /// @inheritdoc ICoverToken
    function poolId() public view returns (uint8 id) {
        (, id,,) = _args();
    }

    /// @inheritdoc ICoverToken
    function epoch() public view returns (uint32 e) {
        (,, e,) = _args();
    }

    /// @inheritdoc ICoverToken
    function balanceOfUnderlying(address account) external view returns (uint256) {
        (address pool, uint8 id, uint32 e,) = _args();
        return IMetaPoolCover(pool).coverUnderlying(id, e, balanceOf(account));
    }

    function name() public view override(ERC20, IERC20Metadata) returns (string memory) {
        (address pool, uint8 id,,) = _args();
        return string.concat("Canopy ", IMetaPoolCover(pool).poolName(id), " cover");
    }

    function symbol() public view override(ERC20, IERC20Metadata) returns (string memory) {
        (, uint8 id, uint32 e,) = _args();
        return string.concat("cnpy-", Strings.toString(id), "-e", Strings.toString(e));
    }

    function decimals() public view override(ERC20, IERC20Metadata) returns (uint8 d) {
        (,,, d) = _args();
    }

    function _args() private view returns (address pool, uint8 id, uint32 e, uint8 d) {
        bytes memory args = Clones.fetchCloneArgs(address(this));
        // abi.encodePacked(address, uint8, uint32, uint8): 20 + 1 + 4 + 1 bytes
        assembly ("memory-safe") {
            let word := mload(add(args, 32))
            pool := shr(96, word)
            id := and(shr(88, word), 0xff)
            e := and(shr(56, word), 0xffffffff)
            d := and(shr(48, word), 0xff)
        }
    }
}
