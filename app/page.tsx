import { Suspense } from "react";

import { Explore } from "@/components/explore/Explore";
import { ExploreSkeleton } from "@/components/explore/ExploreSkeleton";

export default function ExplorePage() {
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
