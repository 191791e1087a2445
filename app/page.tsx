import { Suspense } from "react";
import { preload } from "react-dom";

import { Explore } from "@/components/explore/Explore";
import { ExploreSkeleton } from "@/components/explore/ExploreSkeleton";
import { DEFAULT_QUERY, PAGE_SIZE } from "@/lib/explore";
import { indexerUrl } from "@/lib/indexer/config";
import { explorePageUrl } from "@/lib/indexer/explore";

export default function ExplorePage() {
  // The first page's order from the indexer, asked while the scripts load (a `<link rel="preload">` in the static
  // HTML) instead of after hydration; the list's own fetch of the same URL takes that answer. A visit with a search
  // in its URL asks for its own page (the preload is then a small unused request); a failing indexer fails the
  // list's fetch as before, which falls back to the chain.
  if (indexerUrl)
    preload(explorePageUrl(indexerUrl, DEFAULT_QUERY, PAGE_SIZE), { as: "fetch", crossOrigin: "anonymous" });
  return (
    <section className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Explore MetaPools</h1>
        <p className="max-w-prose text-muted">
          Every MetaPool on this network: the capital behind it, the cover it has sold and what that cover costs.
          Compare them before you buy protection or underwrite.
        </p>
      </header>
      {/* The list reads its search, filters and sort from the URL (useSearchParams), so it renders on the client. */}
      <Suspense fallback={<ExploreSkeleton />}>
        <Explore />
      </Suspense>
    </section>
  );
}
