import { connectorsForWallets as rainbowKitConnectorsForWallets, type WalletList } from "@rainbow-me/rainbowkit";
import { describe, expect, it } from "vitest";

import { connectorsForWallets } from "./walletConnectors";

/** A wallet list whose connectors record the details they were made with, as RainbowKit's modal reads them. */
function recordingWallets(record: unknown[]): WalletList {
  const wallet =
    (id: string, name: string, hidden?: () => boolean): WalletList[number]["wallets"][number] =>
    () => ({
      id,
      name,
      iconUrl: "data:image/svg+xml,<svg/>",
      iconBackground: "#fff",
      hidden,
      createConnector: (details) => {
        record.push(details);
        return (() => ({})) as unknown as ReturnType<typeof connectorsForWallets>[number];
      },
    });
  return [
    { groupName: "Wallets", wallets: [wallet("injected", "Browser Wallet"), wallet("walletConnect", "WalletConnect")] },
    { groupName: "More", wallets: [wallet("hiddenOne", "Hidden", () => true), wallet("injected", "Duplicate")] },
  ];
}

describe("connectorsForWallets", () => {
  it("gives each wallet the details RainbowKit's own connectorsForWallets gives it", () => {
    const ours: unknown[] = [];
    const theirs: unknown[] = [];
    const params = { appName: "Canopy", projectId: "test" };
    const made = connectorsForWallets(recordingWallets(ours), params);
    const expected = rainbowKitConnectorsForWallets(recordingWallets(theirs), params);

    expect(made).toHaveLength(expected.length);
    expect(ours).toEqual(theirs);
    // WalletConnect twice (its QR code and its own modal), the duplicate and the hidden wallet left out.
    expect(ours).toHaveLength(3);
  });
});
