import type { Metadata } from "next";

import { MetaPoolPage } from "@/components/metapool/MetaPoolPage";
import { shortAddress } from "@/lib/format";

type Params = Promise<{ address: string }>;

/** The tab title before the MetaPool's name loads (the client then names it). */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { address } = await params;
  const short = /^0x[0-9a-fA-F]{40}$/.test(address) ? shortAddress(address) : "not found";
  return { title: `MetaPool ${short}` };
}

export default async function Page({ params }: { params: Params }) {
  const { address } = await params;
  return <MetaPoolPage address={decodeURIComponent(address)} />;
}
