import type { WalletInfo } from "./info";
import type { ProviderErrorShape } from "./providerErrors";

export type InjectConfig = { info: WalletInfo; requestBinding: string; emitHook: string };
export type WalletReply = { result: unknown } | { error: ProviderErrorShape };

/**
 * Runs inside the page before any app script (via page.addInitScript), so it must not
 * reference anything outside its own body. Every request goes to Node through the
 * exposed binding; Node pushes EIP-1193 events back through `window[emitHook]`.
 */
export function installTestWallet({ info, requestBinding, emitHook }: InjectConfig): void {
  type Listener = (payload: unknown) => void;
  const scope = window as unknown as Record<string, unknown>;
  const listeners = new Map<string, Set<Listener>>();

  const provider = {
    isCanopyTestWallet: true,
    async request(args: { method: string; params?: unknown }): Promise<unknown> {
      const send = scope[requestBinding] as (a: { method: string; params?: unknown }) => Promise<WalletReply>;
      const reply = await send({ method: args.method, params: args.params });
      if ("error" in reply) {
        throw Object.assign(new Error(reply.error.message), { code: reply.error.code, data: reply.error.data });
      }
      return reply.result;
    },
    on(event: string, listener: Listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return provider;
    },
    removeListener(event: string, listener: Listener) {
      listeners.get(event)?.delete(listener);
      return provider;
    },
  };

  scope[emitHook] = (event: string, payload: unknown) => {
    for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
  };

  const detail = Object.freeze({ info: Object.freeze({ ...info }), provider });
  const announce = () => window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail }));
  window.addEventListener("eip6963:requestProvider", announce);
  announce();

  // EIP-1193: the provider emits `connect` once it can serve the chain, i.e. after load.
  window.addEventListener("load", () => {
    provider
      .request({ method: "eth_chainId" })
      .then((chainId) => (scope[emitHook] as (e: string, p: unknown) => void)("connect", { chainId }))
      .catch(() => undefined);
  });
}
