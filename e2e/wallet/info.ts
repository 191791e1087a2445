/** EIP-6963 provider info the test wallet announces; RainbowKit lists it under "Installed". */
export type WalletInfo = { uuid: string; name: string; icon: string; rdns: string };

const icon =
  "data:image/svg+xml;base64," +
  Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#15803d"/><path d="M16 6 7 20h18z" fill="#dcfce7"/><rect x="14.5" y="20" width="3" height="6" fill="#dcfce7"/></svg>',
  ).toString("base64");

export const testWalletInfo: WalletInfo = {
  uuid: "5f0c2d55-6a57-4f1e-9a3b-3c1d2b7e9a10",
  name: "Canopy Test Wallet",
  icon,
  rdns: "dev.canopy.testwallet",
};
