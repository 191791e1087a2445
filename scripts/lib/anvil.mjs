import { spawn } from "node:child_process";

import { foundryBin } from "./paths.mjs";

/** Anvil's first default account (public, well known; local chains only). */
export const ANVIL_DEPLOYER_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

export async function rpc(url, method, params = []) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = await res.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

/** Chain id at `url`, or null when nothing answers there. */
export async function chainIdAt(url) {
  try {
    return Number(await rpc(url, "eth_chainId"));
  } catch {
    return null;
  }
}

export async function waitForRpc(url, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if ((await chainIdAt(url)) !== null) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no JSON-RPC answer at ${url} after ${timeoutMs} ms`);
}

/** Starts the native anvil binary (so we hold its real PID) on host:port, optionally forking. */
export function startAnvil({ port, host = "127.0.0.1", forkUrl, stateFile, quiet = true }) {
  const args = ["--host", host, "--port", String(port), "--chain-id", "31337"];
  if (forkUrl) args.splice(args.indexOf("--chain-id"), 2, "--fork-url", forkUrl);
  if (stateFile) args.push("--state", stateFile);
  const child = spawn(foundryBin("anvil"), args, { stdio: quiet ? "ignore" : "inherit" });
  return child;
}
