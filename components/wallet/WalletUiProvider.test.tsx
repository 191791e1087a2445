// @vitest-environment happy-dom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { useOpenConnectModal } from "@/components/wallet/connectModal";
import { useWalletUi, type WalletUi } from "@/components/wallet/walletUi";
import { WalletUiProvider } from "@/components/wallet/WalletUiProvider";

const account = vi.hoisted(() => ({ isConnected: false }));
vi.mock("wagmi", () => ({ useAccount: () => account }));

let root: Root;
let container: HTMLElement;
let ui: WalletUi;
let pageOpener: (() => void) | undefined;

/** What a page and the header's slot see of the provider. */
function Probe() {
  ui = useWalletUi();
  pageOpener = useOpenConnectModal();
  return null;
}

function mount() {
  root = createRoot(container);
  act(() =>
    root.render(
      <WalletUiProvider>
        <Probe />
      </WalletUiProvider>,
    ),
  );
}

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  account.isConnected = false;
  container = document.createElement("div");
  document.body.append(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe("WalletUiProvider: RainbowKit only when it is used", () => {
  test("no RainbowKit on load without a wallet; a page's connect asks for it and opens its modal once it is there", () => {
    mount();
    expect(ui.rainbowKitWanted).toBe(false);
    expect(ui.opening).toBe(false);
    act(() => pageOpener!());
    expect(ui.rainbowKitWanted).toBe(true);
    expect(ui.opening).toBe(true);
    const open = vi.fn();
    act(() => ui.registerOpener(open));
    expect(open).toHaveBeenCalledTimes(1);
    expect(ui.opening).toBe(false);
    // From then on pages get RainbowKit's own opener.
    expect(pageOpener).toBe(open);
  });

  test("RainbowKit arriving for a reconnected wallet opens no modal nobody asked for", () => {
    account.isConnected = true;
    mount();
    expect(ui.rainbowKitWanted).toBe(true);
    expect(pageOpener).toBeUndefined();
    const open = vi.fn();
    act(() => ui.registerOpener(open));
    expect(open).not.toHaveBeenCalled();
  });
});
