import type { Metadata } from "next";

import { PagePlaceholder } from "@/components/layout/PagePlaceholder";

export const metadata: Metadata = { title: "Create" };

export default function CreatePage() {
  return (
    <PagePlaceholder title="Create a MetaPool">
      Choose the asset, the arbiter, the protection statement, up to sixteen coverage pools and the funding
      curve. Nothing can be changed after creation, so every parameter is previewed before you sign.
    </PagePlaceholder>
  );
}
