// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPoolParams} from "../../src/interfaces/MetaPoolTypes.sol";
import {MetaPoolReaderExtension} from "../mocks/MetaPoolReaderExtension.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {MetaPoolTestBase} from "../utils/MetaPoolTestBase.sol";
import {MetaPoolHandler} from "./handlers/MetaPoolHandler.sol";

/// @notice What every invariant group shares: the MetaPool (production facets plus raw-storage getters), its
/// handler with a running market to start from and the 20 actions it targets, and the handler-findings check.
abstract contract MetaPoolInvariantBase is MetaPoolTestBase {
    MetaPoolHandler internal handler;
    MetaPoolReaderExtension internal reader;
    address internal mp;
    address internal erin = makeAddr("erin");

    /// @dev Forge runs one campaign per invariant and checks only that invariant after each call, so every
    /// invariant also checks the handler's own findings (unexpected reverts, broken previews): a campaign that
    /// stumbles on one fails whichever invariant it is exercising.
    modifier alsoHandlerFindings() {
        _;
        assertEq(handler.ghostUnexpectedReverts(), 0, handler.firstUnexpected());
        assertEq(handler.ghostBrokenPreviews(), 0, handler.firstBrokenPreview());
        assertEq(handler.ghostValueDrops(), 0, handler.firstValueDrop());
    }

    function poolCount() internal pure virtual returns (uint256);
    function assetDecimals() internal pure virtual returns (uint8);

    function payoutMultiple() internal pure virtual returns (uint16) {
        return 0;
    }

    function setUp() public override {
        super.setUp();
        token = new MockERC20("Test USD", "tUSD", assetDecimals());
        factory = deployFactoryWithExtension(address(new MetaPoolReaderExtension()));
        MetaPoolParams memory p = specParams(token, poolCount());
        p.payoutMultiple = payoutMultiple();
        mp = createPool(p);
        reader = MetaPoolReaderExtension(mp);

        address[] memory actors = new address[](5);
        actors[0] = alice;
        actors[1] = bob;
        actors[2] = carol;
        actors[3] = dave;
        actors[4] = erin;
        handler = new MetaPoolHandler(mp, token, actors);

        // A running market to start from: two underwriters, cover in up to three pools, matured.
        uint256 one = 10 ** assetDecimals();
        handler.seedDeposit(0, 1000 * one);
        handler.seedDeposit(1, 250 * one + 7);
        for (uint256 i; i < 3 && i < poolCount(); ++i) {
            handler.seedPurchase(2 + i, i, (100 + 10 * i) * one);
        }
        handler.seedWarp(p.purchaseDelay);
        handler.poke(15);

        targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](20);
        selectors[0] = handler.deposit.selector;
        selectors[1] = handler.requestWithdrawal.selector;
        selectors[2] = handler.completeWithdrawal.selector;
        selectors[3] = handler.cancelWithdrawal.selector;
        selectors[4] = handler.buyProtection.selector;
        selectors[5] = handler.refundPurchase.selector;
        selectors[6] = handler.withdrawProtection.selector;
        selectors[7] = handler.redeemPayout.selector;
        selectors[8] = handler.fileClaim.selector;
        selectors[9] = handler.resolveClaim.selector;
        selectors[10] = handler.claimFees.selector;
        selectors[11] = handler.exit.selector;
        selectors[12] = handler.poke.selector;
        selectors[13] = handler.transferShares.selector;
        selectors[14] = handler.transferCover.selector;
        selectors[15] = handler.warp.selector;
        selectors[16] = handler.shutdown.selector;
        selectors[17] = handler.buyBurst.selector;
        // Revision 4's two attacks, as moves any actor may make.
        selectors[18] = handler.recycleReservation.selector;
        selectors[19] = handler.shamClaim.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }
}
