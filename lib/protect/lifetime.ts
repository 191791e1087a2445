import { formatDuration } from "@/lib/format";
import { YEAR } from "@/lib/protocol";

/** How long cover lasts: days and hours under two years, whole years (rounded down) beyond. */
export function formatLifetime(seconds: bigint): string {
  return seconds >= 2n * YEAR ? `about ${seconds / YEAR} years` : formatDuration(seconds);
}
