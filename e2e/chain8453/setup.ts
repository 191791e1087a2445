import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { createPublicClient, createWalletClient, defineChain, http, multicall3Abi, type Address, type Hex } from "viem";
import { base } from "viem/chains";

import { demoTokenAbi } from "../../abis";
import { buildInputHash } from "../fixtures/buildHash";
import { assertNothingServes, runLogged, startDetached, stopGroup, waitUntil } from "../fixtures/processes";
import { rpcCall } from "../wallet/rpc";
import { base8453, type Deployment8453 } from "./env";

// The app on chain 8453 multicalls through Base's Multicall3 address (lib/reads/transport.ts), as it would on Base.
const MULTICALL3 = base.contracts.multicall3.address;
/** USDC's shape: 6 decimals. Minted to the journey's accounts through the demo token's faucet. */
const USDC = { name: "USD Coin", symbol: "USDC", decimals: 6 } as const;

const chain = defineChain({ ...base, rpcUrls: { default: { http: [base8453.rpcUrl] } } });

function step<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  return run().then((result) => {
    console.log(`[e2e 8453] ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  });
}

async function startAnvil(): Promise<ChildProcess> {
  await assertNothingServes(base8453.rpcUrl, "E2E_8453_RPC_PORT");
  const logFile = path.join(base8453.artifactsDir, "anvil.log");
  const args = ["--host", "127.0.0.1", "--port", String(base8453.rpcPort), "--chain-id", String(base8453.chainId)];
  const child = startDetached(base8453.anvilBin, args, logFile);
  await waitUntil("anvil --chain-id 8453", async () => (await rpcCall(base8453.rpcUrl, "eth_chainId")) === "0x2105", {
    timeoutMs: 15_000,
    child,
    logFile,
  });
  return child;
}

/** Multicall3's creation code as viem ships it (for deployless multicalls; not exported, so read from its module). */
function multicall3CreationCode(): Hex {
  const file = path.join(base8453.repoRoot, "node_modules/viem/_esm/constants/contracts.js");
  const code = /multicall3Bytecode = '(0x[0-9a-f]+)'/.exec(readFileSync(file, "utf8"))?.[1];
  if (!code) throw new Error(`no multicall3Bytecode in ${file}`);
  return code as Hex;
}

/** Multicall3 at its canonical address, as every chain the app multicalls on has it (a fresh Anvil does not). */
async function installMulticall3(): Promise<void> {
  const reader = createPublicClient({ chain, transport: http(base8453.rpcUrl) });
  const writer = createWalletClient({ chain, transport: http(base8453.rpcUrl) });
  const [deployer] = await writer.getAddresses();
  const hash = await writer.sendTransaction({ account: deployer!, data: multicall3CreationCode(), chain });
  const { contractAddress } = await reader.waitForTransactionReceipt({ hash });
  const code = await reader.getCode({ address: contractAddress! });
  await rpcCall(base8453.rpcUrl, "anvil_setCode", [MULTICALL3, code]);
  const time = await reader.readContract({
    address: MULTICALL3,
    abi: multicall3Abi,
    functionName: "getCurrentBlockTimestamp",
  });
  if (time <= 0n) throw new Error("Multicall3 did not answer at its canonical address");
}

/** `npm run deploy` with --out: chain 8453's addresses stay out of lib/deployments (that id is Base's). */
async function deployProtocol(): Promise<{ metaPoolFactory: Address; startBlock: number }> {
  const out = path.join(base8453.artifactsDir, "deploy.json");
  await runLogged(
    "npm",
    ["run", "--silent", "deploy", "--", "--rpc", base8453.rpcUrl, "--out", out],
    path.join(base8453.artifactsDir, "deploy.log"),
    { cwd: base8453.repoRoot, timeoutMs: 180_000 },
  );
  return JSON.parse(readFileSync(out, "utf8"));
}

async function deployUsdc(): Promise<Address> {
  const artifact = path.join(base8453.repoRoot, "contracts/out/DemoToken.sol/DemoToken.json");
  const bytecode = JSON.parse(readFileSync(artifact, "utf8")).bytecode.object as Hex;
  const reader = createPublicClient({ chain, transport: http(base8453.rpcUrl) });
  const writer = createWalletClient({ chain, transport: http(base8453.rpcUrl) });
  const accounts = await writer.getAddresses();
  const hash = await writer.deployContract({
    account: accounts[0]!,
    abi: demoTokenAbi,
    bytecode,
    args: [USDC.name, USDC.symbol, USDC.decimals],
    chain,
  });
  const { contractAddress } = await reader.waitForTransactionReceipt({ hash });
  // 100 000 USDC to each account the journey uses.
  for (const account of accounts.slice(0, 10)) {
    const tx = await writer.writeContract({
      account,
      address: contractAddress!,
      abi: demoTokenAbi,
      functionName: "faucet",
      args: [100_000n * 10n ** 6n],
      chain,
    });
    await reader.waitForTransactionReceipt({ hash: tx });
  }
  return contractAddress!;
}

export function appEnv8453(deployment: Deployment8453): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEXT_PUBLIC_CHAIN_ID: String(base8453.chainId),
    NEXT_PUBLIC_RPC_URL: base8453.rpcUrl,
    NEXT_PUBLIC_FACTORY_ADDRESS: deployment.metaPoolFactory,
    NEXT_PUBLIC_FACTORY_START_BLOCK: String(deployment.startBlock),
    NEXT_DIST_DIR: base8453.distDir,
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

async function buildApp(env: NodeJS.ProcessEnv): Promise<void> {
  const distDir = path.join(base8453.repoRoot, base8453.distDir);
  const hashFile = path.join(distDir, "BUILD_INPUT_HASH");
  const hash = buildInputHash(base8453.repoRoot, env);
  if (existsSync(path.join(distDir, "BUILD_ID")) && existsSync(hashFile)) {
    if (readFileSync(hashFile, "utf8").trim() === hash) return;
  }
  await runLogged(process.execPath, [base8453.nextBin, "build"], path.join(base8453.artifactsDir, "next-build.log"), {
    cwd: base8453.repoRoot,
    env,
    timeoutMs: 1_500_000, // two shared cores under load: a build has taken 14 min
  });
  writeFileSync(hashFile, `${hash}\n`);
}

async function startApp(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  await assertNothingServes(base8453.appUrl, "E2E_8453_APP_PORT");
  const logFile = path.join(base8453.artifactsDir, "next-start.log");
  const args = [base8453.nextBin, "start", "-p", String(base8453.appPort), "-H", "127.0.0.1"];
  const child = startDetached(process.execPath, args, logFile, { cwd: base8453.repoRoot, env });
  await waitUntil("next start", async () => (await fetch(base8453.appUrl)).ok, { timeoutMs: 60_000, child, logFile });
  return child;
}

/** Anvil as chain 8453 → Multicall3 → the protocol by `npm run deploy` → a USDC-like token → the app for that chain. */
export default async function setup(): Promise<void> {
  mkdirSync(base8453.artifactsDir, { recursive: true });
  const started: ChildProcess[] = [];
  const savePids = () => writeFileSync(base8453.pidsFile, JSON.stringify(started.map((c) => c.pid)));
  try {
    started.push(await step(`anvil --chain-id 8453 on ${base8453.rpcUrl}`, startAnvil));
    savePids();
    await step("Multicall3", installMulticall3);
    const deployed = await step("npm run deploy", deployProtocol);
    const usdc = await step("USDC-like token (6 decimals)", deployUsdc);
    const deployment: Deployment8453 = {
      chainId: base8453.chainId,
      startBlock: deployed.startBlock,
      metaPoolFactory: deployed.metaPoolFactory,
      usdc,
    };
    writeFileSync(base8453.deploymentFile, JSON.stringify(deployment, null, 2));
    const env = appEnv8453(deployment);
    await step(`next build into ${base8453.distDir}`, () => buildApp(env));
    started.push(await step(`next start on ${base8453.appUrl}`, () => startApp(env)));
    savePids();
  } catch (error) {
    await Promise.all(started.map((child) => child.pid && stopGroup(child.pid)));
    throw error;
  }
}
