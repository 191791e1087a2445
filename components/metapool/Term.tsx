import Link from "next/link";
import type { ReactNode } from "react";

/**
 * A protocol term linked to its explanation on /how-it-works, where it first appears on the page.
 * Integration point: swap for components/howItWorks/TermLink once the glossary lands (same anchors).
 */
export function Term({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Link href={`/how-it-works#${id}`} className="underline decoration-dotted underline-offset-2">
      {children}
    </Link>
  );
}
