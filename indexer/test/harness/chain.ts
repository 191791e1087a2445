// A private Anvil with the protocol deployed from the forge build (contracts/out), so a test never writes
// lib/deployments. Accounts are Anvil's well-known mnemonic accounts.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  http,
  type Abi,
  type Address,
  type Hex,
  type PublicClient,
} from "viem";
import { mnemonicToAccount, type HDAccount } from "viem/accounts";

import { contractsDir, foundryBin } from "../../../scripts/lib/paths.mjs";

const MNEMONIC = "test test test test test test test test test test test junk";
export const ACCOUNT_COUNT = 12;

export interface Deployment {
  factory: Address;
  startBlock: number;
  usd: Address;
  dai: Address;
}

export type Chain = Awaited<ReturnType<typeof startChain>>;

function artifact(file: string, contract: string): { abi: Abi; bytecode: Hex } {
  const path = join(contractsDir, "out", file, `${contract}.json`);
  if (!existsSync(path)) {
    const build = spawnSync(foundryBin("forge"), ["build", "--quiet"], { cwd: contractsDir, stdio: "inherit" });
    if (build.status !== 0 || !existsSync(path)) throw new Error(`no forge artifact at ${path}`);
  }
  const json = JSON.parse(readFileSync(path, "utf8"));
  return { abi: json.abi, bytecode: json.bytecode.object };
}

async function rpcAnswers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
    });
    return res.ok;
  } catch {
    return false;
  }
}

/** Starts Anvil on 127.0.0.1:`port` (refusing a taken port) with 12 funded accounts. */
export async function startChain(port: number, extraArgs: string[] = []) {
  const rpcUrl = `http://127.0.0.1:${port}`;
  if (await rpcAnswers(rpcUrl)) throw new Error(`${rpcUrl} is taken`);
  const anvil: ChildProcess = spawn(
    foundryBin("anvil"),
    [
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--chain-id",
      "31337",
      "--accounts",
      String(ACCOUNT_COUNT),
      ...extraArgs,
    ],
    { stdio: "ignore" },
  );
  const until = Date.now() + 30_000;
  while (!(await rpcAnswers(rpcUrl))) {
    if (Date.now() > until || anvil.exitCode !== null) throw new Error(`Anvil did not start on ${rpcUrl}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const chain = defineChain({
    id: 31_337,
    name: "Anvil",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const transport = http(rpcUrl);
  const client = createPublicClient({ chain, transport, pollingInterval: 20, cacheTime: 0 }) as PublicClient;
  const wallet = createWalletClient({ chain, transport });
  const testClient = createTestClient({ chain, transport, mode: "anvil" });
  const accounts: HDAccount[] = Array.from({ length: ACCOUNT_COUNT }, (_, addressIndex) =>
    mnemonicToAccount(MNEMONIC, { addressIndex }),
  );

  /**
   * The receipt of `hash`, polled directly: viem's waitForTransactionReceipt shares one block watcher between calls,
   * and a call that joins it after its transaction's block was seen waits for a block Anvil never mines.
   * After 30 s, an error saying where the transaction is.
   */
  async function receipt(hash: Hex, what: string) {
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      const found = await client.getTransactionReceipt({ hash }).catch(() => null);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    const [head, pool, tx, automine] = await Promise.all([
      client.getBlockNumber(),
      client.request({ method: "txpool_status" as "eth_chainId" }),
      client.getTransaction({ hash }).catch(() => null),
      testClient.getAutomine(),
    ]);
    throw new Error(
      `${what}: no receipt for ${hash} after 30 s (head ${head}, automine ${automine}, txpool ${JSON.stringify(pool)}, ` +
        `transaction ${tx ? `nonce ${tx.nonce} block ${tx.blockNumber}` : "unknown"})`,
    );
  }

  async function stop() {
    if (anvil.exitCode !== null) return;
    const exited = new Promise((resolve) => anvil.once("exit", resolve));
    anvil.kill("SIGTERM");
    await exited;
  }

  async function deployContract(from: HDAccount, file: string, contract: string, args: unknown[] = []) {
    const { abi, bytecode } = artifact(file, contract);
    const hash = await wallet.deployContract({ account: from, abi, bytecode, args, chain });
    const deployed = await receipt(hash, `deploy ${contract}`);
    if (!deployed.contractAddress) throw new Error(`${contract} was not deployed`);
    return { address: deployed.contractAddress, block: Number(deployed.blockNumber) };
  }

  /** What contracts/script/Deploy.s.sol deploys on a local chain. */
  async function deploy(): Promise<Deployment> {
    const deployer = accounts[0]!;
    const extension = await deployContract(deployer, "MetaPoolExtension.sol", "MetaPoolExtension");
    const implementation = await deployContract(deployer, "MetaPool.sol", "MetaPool", [extension.address]);
    const coverToken = await deployContract(deployer, "CoverToken.sol", "CoverToken");
    const factory = await deployContract(deployer, "MetaPoolFactory.sol", "MetaPoolFactory", [
      implementation.address,
      coverToken.address,
    ]);
    const usd = await deployContract(deployer, "DemoToken.sol", "DemoToken", ["Demo USD", "dUSD", 6]);
    const dai = await deployContract(deployer, "DemoToken.sol", "DemoToken", ["Demo DAI", "dDAI", 18]);
    return { factory: factory.address, startBlock: factory.block, usd: usd.address, dai: dai.address };
  }

  return { rpcUrl, chain, client, wallet, testClient, accounts, stop, deploy, receipt };
}
