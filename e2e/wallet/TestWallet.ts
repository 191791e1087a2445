import type { Page } from "@playwright/test";
import { getAddress, isAddress, numberToHex, type Address, type Hex } from "viem";

import { CallBatches, type BatchCall } from "./callBatches";
import { testWalletInfo } from "./info";
import { installTestWallet, type WalletReply } from "./inject";
import {
  chainDisconnected,
  invalidParams,
  ProviderRpcError,
  unauthorized,
  unrecognizedChain,
  userRejected,
} from "./providerErrors";
import { rpcCall } from "./rpc";

const REQUEST_BINDING = "__canopyTestWalletRequest";
const EMIT_HOOK = "__canopyTestWalletEmit";

// Methods a real wallet would ask the user about; `rejectNext()` makes the next one fail.
const PROMPTS = new Set([
  "eth_requestAccounts",
  "wallet_requestPermissions",
  "wallet_switchEthereumChain",
  "wallet_addEthereumChain",
  "personal_sign",
  "eth_signTypedData_v4",
  "eth_sendTransaction",
  "wallet_sendCalls",
]);

type Request = { method: string; params?: unknown };

/**
 * An EIP-1193 wallet whose state lives in the test: it signs with Anvil's unlocked
 * accounts, forwards reads to the node, and lets the test switch account or chain
 * and reject the next prompt.
 */
export class TestWallet {
  private accountIndex = 0;
  private authorized = false;
  private rejections = 0;
  private chainId: number;
  private readonly knownChains: Set<number>;
  private readonly pages = new Set<Page>();
  /** Reports atomic batching (EIP-5792 `wallet_getCapabilities`), as a smart wallet would. */
  private atomicBatching = false;
  private readonly batches: CallBatches;
  /** The next transaction is cancelled from the wallet (same nonce, zero value to self) after this many ms. */
  private cancelAfterMs: number | null = null;

  private constructor(
    readonly rpcUrl: string,
    readonly accounts: readonly Address[],
    readonly nodeChainId: number,
  ) {
    this.chainId = nodeChainId;
    this.knownChains = new Set([nodeChainId]);
    this.batches = new CallBatches(rpcUrl);
  }

  static async create(rpcUrl: string): Promise<TestWallet> {
    const [accounts, chainId] = await Promise.all([
      rpcCall<Address[]>(rpcUrl, "eth_accounts"),
      rpcCall<Hex>(rpcUrl, "eth_chainId"),
    ]);
    if (accounts.length === 0) throw new Error(`${rpcUrl} has no unlocked accounts to sign with`);
    return new TestWallet(
      rpcUrl,
      accounts.map((a) => getAddress(a)),
      Number(chainId),
    );
  }

  /** The selected account. */
  get address(): Address {
    return this.accounts[this.accountIndex]!;
  }

  /** Whether a page has been granted the accounts (wagmi then reconnects by itself on every load). */
  get connected(): boolean {
    return this.authorized;
  }

  /** The chain the wallet currently claims to be on. */
  get currentChainId(): number {
    return this.chainId;
  }

  /** Injects the wallet into `page`; call before the first navigation. */
  async attach(page: Page): Promise<void> {
    this.pages.add(page);
    page.once("close", () => this.pages.delete(page));
    await page.exposeBinding(REQUEST_BINDING, (_source, request: Request) => this.reply(request));
    await page.addInitScript(installTestWallet, {
      info: testWalletInfo,
      requestBinding: REQUEST_BINDING,
      emitHook: EMIT_HOOK,
    });
  }

  /** Selects another Anvil account (by index or address) and tells the page if it is connected. */
  async useAccount(indexOrAddress: number | Address): Promise<void> {
    const index =
      typeof indexOrAddress === "number"
        ? indexOrAddress
        : this.accounts.findIndex((a) => a.toLowerCase() === indexOrAddress.toLowerCase());
    if (index < 0 || index >= this.accounts.length) throw new Error(`Test wallet has no account ${indexOrAddress}`);
    this.accountIndex = index;
    if (this.authorized) await this.emit("accountsChanged", [this.address]);
  }

  /** Makes the next prompt (connect, switch, sign or send) fail as if the user clicked Reject. */
  rejectNext(): void {
    this.rejections += 1;
  }

  /** Turns atomic call batching (EIP-5792) on or off, like switching between a smart wallet and an EOA. */
  setAtomicBatching(on: boolean): void {
    this.atomicBatching = on;
  }

  /**
   * The next transaction the page sends is cancelled in the wallet: it waits in the mempool for
   * `afterMs` (the app sees it pending), then a same-nonce, higher-fee transfer of 0 to self replaces
   * it and is mined, as "Cancel" in a wallet does.
   */
  cancelNextTransaction(afterMs = 6_000): void {
    this.cancelAfterMs = afterMs;
  }

  /** Claims to be on `chainId`; switching back to the node's chain then succeeds. */
  async reportChain(chainId: number): Promise<void> {
    this.knownChains.add(chainId);
    await this.setChain(chainId);
  }

  private async setChain(chainId: number): Promise<void> {
    if (chainId === this.chainId) return;
    this.chainId = chainId;
    await this.emit("chainChanged", numberToHex(chainId));
  }

  private async emit(event: string, payload: unknown): Promise<void> {
    await Promise.all(
      [...this.pages].map(
        (page) =>
          page
            .evaluate(
              ([hook, name, data]) => {
                const emit = (window as unknown as Record<string, (e: string, p: unknown) => void>)[hook];
                emit?.(name, data);
              },
              [EMIT_HOOK, event, payload] as const,
            )
            .catch(() => undefined), // a page mid-navigation simply misses the event, like a real one
      ),
    );
  }

  private async reply(request: Request): Promise<WalletReply> {
    try {
      return { result: await this.handle(request.method, Array.isArray(request.params) ? request.params : []) };
    } catch (error) {
      if (error instanceof ProviderRpcError) return { error: error.toJSON() };
      return { error: { code: -32603, message: error instanceof Error ? error.message : String(error) } };
    }
  }

  private async handle(method: string, params: unknown[]): Promise<unknown> {
    if (PROMPTS.has(method) && this.rejections > 0) {
      this.rejections -= 1;
      throw userRejected();
    }
    switch (method) {
      case "eth_requestAccounts":
        this.authorized = true;
        return [this.address];
      case "eth_accounts":
        return this.authorized ? [this.address] : [];
      case "eth_chainId":
        return numberToHex(this.chainId);
      case "net_version":
        return String(this.chainId);
      case "wallet_requestPermissions":
        this.authorized = true;
        return this.permissions();
      case "wallet_getPermissions":
        return this.authorized ? this.permissions() : [];
      case "wallet_revokePermissions":
        this.authorized = false;
        return null;
      case "wallet_switchEthereumChain":
        return this.switchChain(params[0]);
      case "wallet_addEthereumChain":
        return this.addChain(params[0]);
      case "personal_sign":
        return this.forwardSigned(method, params, params[1]);
      case "eth_signTypedData_v4":
        return this.forwardSigned(method, params, params[0]);
      case "eth_sendTransaction":
        return this.sendTransaction(params[0]);
      case "wallet_getCapabilities":
        return this.capabilities();
      case "wallet_sendCalls":
        return this.sendCalls(params[0]);
      case "wallet_getCallsStatus":
        return this.batches.status(params[0]);
      default:
        return rpcCall(this.rpcUrl, method, params);
    }
  }

  private permissions() {
    return [
      { parentCapability: "eth_accounts", caveats: [{ type: "restrictReturnedAccounts", value: [this.address] }] },
    ];
  }

  private async switchChain(param: unknown): Promise<null> {
    const chainId = (param as { chainId?: string } | undefined)?.chainId;
    if (typeof chainId !== "string") throw invalidParams("wallet_switchEthereumChain needs { chainId }");
    if (!this.knownChains.has(Number(chainId))) throw unrecognizedChain(chainId);
    await this.setChain(Number(chainId));
    return null;
  }

  private addChain(param: unknown): null {
    const chainId = (param as { chainId?: string } | undefined)?.chainId;
    if (typeof chainId !== "string") throw invalidParams("wallet_addEthereumChain needs { chainId }");
    this.knownChains.add(Number(chainId));
    return null;
  }

  private assertCanSign(from: unknown): void {
    if (!this.authorized) throw unauthorized("The test wallet is not connected to this site.");
    if (typeof from !== "string" || !isAddress(from) || getAddress(from) !== this.address) {
      throw unauthorized(`The test wallet can only sign for its selected account ${this.address}.`);
    }
    if (this.chainId !== this.nodeChainId) {
      throw chainDisconnected(
        `The test wallet is on chain ${this.chainId}; it can only sign on chain ${this.nodeChainId}.`,
      );
    }
  }

  // Anvil signs for its unlocked accounts, so signing is a plain forward once the account checks out.
  private forwardSigned(method: string, params: unknown[], from: unknown): Promise<unknown> {
    this.assertCanSign(from);
    return rpcCall(this.rpcUrl, method, params);
  }

  private async sendTransaction(param: unknown): Promise<unknown> {
    const tx = { ...(param as Record<string, unknown>) };
    tx.from ??= this.address;
    this.assertCanSign(tx.from);
    if (this.cancelAfterMs === null) return rpcCall(this.rpcUrl, "eth_sendTransaction", [tx]);
    const delay = this.cancelAfterMs;
    this.cancelAfterMs = null;
    // Hold the original in the mempool, then replace it with a cancel and mine that.
    await rpcCall(this.rpcUrl, "evm_setAutomine", [false]);
    const nonce = await rpcCall<Hex>(this.rpcUrl, "eth_getTransactionCount", [tx.from, "latest"]);
    const gasPrice = BigInt(await rpcCall<Hex>(this.rpcUrl, "eth_gasPrice"));
    // Legacy fees on both, so the cancel's higher price is unambiguous to the node.
    const legacy = { ...tx };
    for (const key of ["maxFeePerGas", "maxPriorityFeePerGas", "type"]) delete legacy[key];
    const hash = await rpcCall<Hex>(this.rpcUrl, "eth_sendTransaction", [
      { ...legacy, nonce, gasPrice: numberToHex(gasPrice * 2n) },
    ]);
    setTimeout(() => {
      void (async () => {
        await rpcCall(this.rpcUrl, "eth_sendTransaction", [
          { from: tx.from, to: tx.from, value: "0x0", nonce, gasPrice: numberToHex(gasPrice * 4n) },
        ]);
        await rpcCall(this.rpcUrl, "evm_mine");
        await rpcCall(this.rpcUrl, "evm_setAutomine", [true]);
      })();
    }, delay);
    return hash;
  }

  private capabilities(): Record<Hex, unknown> {
    const status = this.atomicBatching ? "supported" : "unsupported";
    return { [numberToHex(this.nodeChainId)]: { atomic: { status } } };
  }

  private async sendCalls(param: unknown): Promise<{ id: Hex }> {
    const request = param as { from?: string; chainId?: Hex; calls?: BatchCall[] };
    if (!this.atomicBatching)
      throw new ProviderRpcError(5700, "The test wallet does not batch calls (turn setAtomicBatching on).");
    const from = request.from ?? this.address;
    this.assertCanSign(from);
    return this.batches.run(from, request.chainId ?? numberToHex(this.nodeChainId), request.calls ?? []);
  }
}
