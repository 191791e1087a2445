/**
 * The MetaPool page's first read, made by the server while it renders the page (not a hook: the route's server
 * component calls it). Its answer is rendered into the HTML and handed to the browser's first render, so the name,
 * capital and pools are painted with the document, instead of after the scripts, hydration and three round trips
 * from the browser. The same reads as the browser's (hooks/queries.ts), indexer hint included. Nothing from
 * `@tanstack/react-query` here: a server module importing it makes every client module of its barrel a client
 * reference of the page (+5.6 kB gzip of hooks the page never calls).
 */
import { createClient, getAddress, http, isAddress, type Client } from "viem";

import type { MetaPoolSnapshot } from "@/hooks/useMetaPool";
import { appChain, rpcUrl } from "@/lib/chain";
import { indexerUrl } from "@/lib/indexer/config";
import { fetchCreationBlock } from "@/lib/indexer/creation";
import { readMetaPool } from "@/lib/reads/metaPools";
import { readTokenMetas, type TokenMeta } from "@/lib/reads/tokenMetas";
import { readBatching } from "@/lib/reads/transport";

/**
 * How long the server waits for the chain (and the indexer's creation hint) before it sends the page without the
 * MetaPool, which the browser then reads as before: a slow RPC costs at most this much on top of the client path.
 */
export const METAPOOL_PREFETCH_TIMEOUT_MS = 1_500;

/**
 * The indexer's creation-block hint gets this share of it, then the creation log is read from the chain: an indexer
 * that answers late (Ponder backfilling on the same cores, as in `npm run dev`'s first minute) would otherwise spend
 * the whole wait, and the page would arrive without the MetaPool.
 */
export const CREATION_HINT_TIMEOUT_MS = 400;

/**
 * The server's client for `url`: the app's chain and batching, and a bare client (the reads call viem's standalone
 * actions), so none of viem's public actions (simulate, ENS, fees…) is compiled into the route: in `next dev` the
 * MetaPool page's first visit compiled them all.
 */
export function serverReadClient(url: string, timeoutMs = METAPOOL_PREFETCH_TIMEOUT_MS): Client {
  const batching = readBatching(appChain);
  return createClient({
    chain: appChain,
    batch: batching.batch,
    transport: http(url, { ...batching.transport, timeout: timeoutMs }),
  });
}

const serverClient = serverReadClient(rpcUrl);

/**
 * The MetaPool at `address` with its asset's symbol and decimals; undefined when it is not an address, not a
 * MetaPool, or not read within `timeoutMs` (the page then reads it in the browser and says what went wrong there).
 * `client` and `indexer` default to the app's chain and indexer.
 */
export async function prefetchMetaPool(
  address: string,
  {
    client = serverClient,
    indexer = indexerUrl,
    timeoutMs = METAPOOL_PREFETCH_TIMEOUT_MS,
  }: { client?: Client; indexer?: string | null; timeoutMs?: number } = {},
): Promise<MetaPoolSnapshot | undefined> {
  if (!isAddress(address, { strict: false })) return undefined;
  const metaPool = getAddress(address);
  // No retries: a failure here only means the browser reads it. The asset's read starts as the view arrives.
  let asset: Promise<Record<string, TokenMeta>> | undefined;
  const read = (async (): Promise<MetaPoolSnapshot | undefined> => {
    const details = await readMetaPool(client, metaPool, {
      creationBlock: indexer
        ? () => fetchCreationBlock(indexer, metaPool, AbortSignal.timeout(CREATION_HINT_TIMEOUT_MS))
        : undefined,
      onView: (view) => {
        asset = readTokenMetas(client, [view.config.asset]);
        asset.catch(() => undefined); // awaited below; this keeps a failure handled if the creation log fails first
      },
    });
    const meta = (await asset)?.[details.view.config.asset.toLowerCase()];
    return meta && { details, asset: meta, readAt: Date.now() };
  })();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  try {
    return await Promise.race([read.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
