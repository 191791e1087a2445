"use client";

import dynamic from "next/dynamic";
import { useAccount } from "wagmi";

import { useWalletUi } from "@/components/wallet/walletUi";

// RainbowKit's connect button as it looks in the app's theme (40 px high, 14 px sides, its rounded font), so the
// swap to the real one after a click moves nothing.
const look = "inline-flex h-10 items-center rounded-xl px-3.5 font-bold shadow-[0_4px_12px_rgba(0,0,0,0.1)]";
const rounded = {
  fontFamily:
    'SFRounded, ui-rounded, "SF Pro Rounded", -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif',
};

/** Until RainbowKit is there: wagmi's own account state, as RainbowKit's button would show it. */
function LightWallet() {
  const { status, address } = useAccount();
  const { openConnectModal, opening } = useWalletUi();
  if (status === "reconnecting") return null; // a wallet from the last visit: RainbowKit shows it in a moment
  if (status === "connected") {
    // Not a button: RainbowKit's account button replaces it as soon as its chunk arrives.
    return (
      <span aria-busy="true" style={rounded} className={`${look} border border-border bg-surface text-sm`}>
        {address.slice(0, 4)}…{address.slice(-4)}
      </span>
    );
  }
  return (
    <button
      type="button"
      onClick={openConnectModal}
      aria-busy={opening}
      style={rounded}
      className={`${look} bg-[#15803d] text-white transition-transform hover:scale-[1.025] active:scale-95 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-green-600 dark:bg-[#22c55e] dark:text-[#052e16]`}
    >
      {/* RainbowKit's chunk is on its way (a slow network): say the click was heard. */}
      {opening ? "Opening wallets…" : "Connect Wallet"}
    </button>
  );
}

// Browser-only (`ssr: false`): the server never compiles RainbowKit, which also spares the dev server's first compile.
const RainbowKitSlot = dynamic(() => import("@/components/wallet/RainbowKitSlot"), {
  ssr: false,
  loading: () => <LightWallet />,
});

/**
 * The header's wallet button. RainbowKit (its provider, modals, button and styles: ~90 KB gzip) loads only once a
 * wallet is connected or the connect modal is asked for (components/wallet/WalletUiProvider.tsx).
 */
export function HeaderWallet() {
  const { rainbowKitWanted } = useWalletUi();
  return rainbowKitWanted ? <RainbowKitSlot /> : <LightWallet />;
}
