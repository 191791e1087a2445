import type { Metadata } from "next";

import { PagePlaceholder } from "@/components/layout/PagePlaceholder";

export const metadata: Metadata = { title: "Arbiter" };

export default function ArbiterPage() {
  return (
    <PagePlaceholder title="Arbiter desk">
      For the arbiter of a MetaPool: open claims with their bonds and deadlines, the protection statement
      to judge them against, and the actions to rule on a claim or shut the MetaPool down.
    </PagePlaceholder>
  );
}
