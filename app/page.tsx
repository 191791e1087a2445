import { PagePlaceholder } from "@/components/layout/PagePlaceholder";

export default function ExplorePage() {
  return (
    <PagePlaceholder title="Explore MetaPools">
      Every MetaPool on this network with its coverage pools, capacity, funding rate and payout, so you
      can compare cover before you buy it or capital before you underwrite it.
    </PagePlaceholder>
  );
}
