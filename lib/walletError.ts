import { BaseError } from "viem";

// EIP-1193 / EIP-3326 provider error codes a wallet may answer with.
const USER_REJECTED = 4001;
const UNAUTHORIZED = 4100;
const UNSUPPORTED_METHOD = 4200;
const UNRECOGNIZED_CHAIN = 4902;

type Coded = { code?: unknown; shortMessage?: unknown; message?: unknown };

function codeOf(error: unknown): number | undefined {
  if (error instanceof BaseError) {
    const coded = error.walk((e) => typeof (e as Coded).code === "number") as Coded | null;
    if (coded) return coded.code as number;
  }
  const code = (error as Coded | null)?.code;
  return typeof code === "number" ? code : undefined;
}

function firstLine(text: string): string {
  return text.split("\n")[0]!.trim();
}

/** Turns a wallet error (from wagmi or the provider) into one sentence a person can act on. */
export function describeWalletError(error: unknown, action: string): string {
  switch (codeOf(error)) {
    case USER_REJECTED:
      return `You rejected the request to ${action} in your wallet.`;
    case UNAUTHORIZED:
      return `Your wallet has not authorised Canopy to ${action}; reconnect and try again.`;
    case UNSUPPORTED_METHOD:
      return `Your wallet cannot ${action}; do it from the wallet itself.`;
    case UNRECOGNIZED_CHAIN:
      return `Your wallet does not know this network, so it could not ${action}.`;
  }
  if (error instanceof BaseError) return `Could not ${action}: ${firstLine(error.shortMessage)}`;
  if (error instanceof Error) return `Could not ${action}: ${firstLine(error.message)}`;
  return `Could not ${action}.`;
}
