// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MetaPool} from "../src/MetaPool.sol";
import {MetaPoolExtension} from "../src/MetaPoolExtension.sol";
import {MetaPoolFactory} from "../src/MetaPoolFactory.sol";
import {DemoTetherToken} from "../src/demo/DemoTetherToken.sol";
import {DemoToken} from "../src/demo/DemoToken.sol";
import {CoverToken} from "../src/tokens/CoverToken.sol";
import {Script} from "forge-std/Script.sol";
import {stdJson} from "forge-std/StdJson.sol";

/// @notice Deploys the protocol (and, on local chains, the demo assets) and writes
/// `lib/deployments/<chainId>.json`, where the app and the seeding script read the addresses.
contract Deploy is Script {
    using stdJson for string;

    uint256 internal constant LOCAL_CHAIN_ID = 31_337;

    function run() external {
        vm.startBroadcast();
        MetaPoolExtension extension = new MetaPoolExtension();
        MetaPool implementation = new MetaPool(address(extension));
        CoverToken coverToken = new CoverToken();
        MetaPoolFactory factory = new MetaPoolFactory(address(implementation), address(coverToken));
        address demoUsd;
        address demoDai;
        address demoUsdt;
        if (block.chainid == LOCAL_CHAIN_ID) {
            demoUsd = address(new DemoToken("Demo USD", "dUSD", 6));
            demoDai = address(new DemoToken("Demo DAI", "dDAI", 18));
            // USDT-style: no return values, approve only through 0, no permit.
            demoUsdt = address(new DemoTetherToken());
        }
        vm.stopBroadcast();

        string memory key = "deployment";
        key.serialize("chainId", block.chainid);
        key.serialize("startBlock", block.number);
        key.serialize("metaPoolFactory", address(factory));
        key.serialize("metaPoolImplementation", address(implementation));
        key.serialize("metaPoolExtension", address(extension));
        key.serialize("coverTokenImplementation", address(coverToken));
        key.serialize("demoUsd", demoUsd);
        key.serialize("demoUsdt", demoUsdt);
        string memory json = key.serialize("demoDai", demoDai);
        json.write(string.concat(vm.projectRoot(), "/../lib/deployments/", vm.toString(block.chainid), ".json"));
    }
}
