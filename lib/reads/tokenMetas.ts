import { erc20Abi, type Address, type Client } from "viem";
import { readContract } from "viem/actions";

export interface TokenMeta {
  address: Address;
  symbol: string;
  name: string;
  decimals: number;
}

/** Each token once, lowercased and sorted: the form the reads below and their cache keys share. */
export function uniqueTokens(tokens: readonly Address[]): Address[] {
  return [...new Set(tokens.map((t) => t.toLowerCase() as Address))].sort();
}

/** Symbol, name and decimals of each token, by lowercased address (in one batch or multicall). */
export async function readTokenMetas(client: Client, tokens: readonly Address[]): Promise<Record<string, TokenMeta>> {
  const metas = await Promise.all(
    uniqueTokens(tokens).map(async (address) => {
      const [symbol, name, decimals] = await Promise.all([
        readContract(client, { address, abi: erc20Abi, functionName: "symbol" }),
        readContract(client, { address, abi: erc20Abi, functionName: "name" }),
        readContract(client, { address, abi: erc20Abi, functionName: "decimals" }),
      ]);
      return { address, symbol, name, decimals };
    }),
  );
  return Object.fromEntries(metas.map((m) => [m.address, m]));
}
