/** EIP-1193 / EIP-3326 errors as a wallet returns them to the page. */
export type ProviderErrorShape = { code: number; message: string; data?: unknown };

export class ProviderRpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }

  toJSON(): ProviderErrorShape {
    return { code: this.code, message: this.message, data: this.data };
  }
}

export const userRejected = () => new ProviderRpcError(4001, "User rejected the request.");
export const unauthorized = (why: string) => new ProviderRpcError(4100, why);
export const chainDisconnected = (why: string) => new ProviderRpcError(4901, why);
export const unrecognizedChain = (chainId: string) =>
  new ProviderRpcError(
    4902,
    `Unrecognized chain ID "${chainId}". Try adding the chain using wallet_addEthereumChain first.`,
  );
export const invalidParams = (why: string) => new ProviderRpcError(-32602, why);
