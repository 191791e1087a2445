import { LoadingRows, Skeleton } from "@/components/ui/States";

/** The page's shape while the MetaPools load: summary strip, controls, rows. */
export function ExploreSkeleton() {
  return (
    <div className="space-y-6">
      <div className="card grid grid-cols-2 gap-4 sm:grid-cols-4" aria-hidden="true">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="space-y-2">
            <Skeleton className="h-3 w-20" />
            <Skeleton className="h-6 w-28" />
          </div>
        ))}
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-hidden="true">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </div>
      <LoadingRows rows={5} label="Loading MetaPools" />
    </div>
  );
}
