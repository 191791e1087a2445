import type { Wallet, WalletDetailsParams, WalletList } from "@rainbow-me/rainbowkit";

/** wagmi's connector factory, as RainbowKit's wallets make it. */
type CreateConnectorFn = ReturnType<Wallet["createConnector"]>;

/**
 * wagmi connectors for RainbowKit wallets, as RainbowKit's `connectorsForWallets` makes them: each carries the
 * `rkDetails` its connect modal lists it by. Written here because that function lives in RainbowKit's main module,
 * which would bring the whole modal kit into every page's first load; the modal is loaded when it is first needed
 * (components/wallet/WalletUiProvider.tsx). Only types come from the main module.
 */
export function connectorsForWallets(
  walletList: WalletList,
  { appName, projectId }: { appName: string; projectId: string },
): CreateConnectorFn[] {
  const metadata = {
    name: appName,
    description: appName,
    url: typeof window !== "undefined" ? window.location.origin : "",
    icons: [],
  };
  const connectors: CreateConnectorFn[] = [];
  const seen = new Set<string>();
  let index = -1;
  walletList.forEach(({ groupName, wallets }, group) => {
    for (const createWallet of wallets) {
      index++;
      const { createConnector, hidden, ...wallet } = createWallet({
        projectId,
        appName,
        options: { metadata },
        walletConnectParameters: { metadata },
      });
      if (seen.has(wallet.id) || hidden?.()) continue;
      seen.add(wallet.id);
      const details = (extra: Partial<WalletDetailsParams["rkDetails"]> = {}): WalletDetailsParams => ({
        rkDetails: { ...wallet, index, groupIndex: group + 1, groupName, isRainbowKitConnector: true, ...extra },
      });
      // RainbowKit lists WalletConnect twice: its own QR code, and WalletConnect's modal behind a second connector.
      if (wallet.id === "walletConnect") {
        connectors.push(createConnector(details({ isWalletConnectModalConnector: true, showQrModal: true })));
      }
      connectors.push(createConnector(details()));
    }
  });
  return connectors;
}
