import type { Metadata } from "next";

import { MetaPoolPage } from "@/components/metapool/MetaPoolPage";
import { prefetchMetaPool } from "@/hooks/metaPoolPrefetch";
import { shortAddress } from "@/lib/format";

type Params = Promise<{ address: string }>;

/** The tab title before the MetaPool's name loads (the client then names it). */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { address } = await params;
  const short = /^0x[0-9a-fA-F]{40}$/.test(address) ? shortAddress(address) : "not found";
  return { title: `MetaPool ${short}` };
}

/**
 * The MetaPool the server read (when it could, within a bounded wait) is in the HTML and the browser's first render,
 * so its name, figures and pools paint with the document. Awaited, not streamed behind a Suspense fallback: a streamed
 * part lands after the document's script tags, and a phone runs those scripts (a second at 4× slowdown) before it
 * reveals the part.
 */
export default async function Page({ params }: { params: Params }) {
  const address = decodeURIComponent((await params).address);
  return <MetaPoolPage address={address} snapshot={await prefetchMetaPool(address)} />;
}
