import Link from "next/link";
import type { ReactNode } from "react";

import { glossary, termHref, type GlossaryTerm } from "@/lib/glossary";

/**
 * A protocol term linked to its explanation on /how-it-works, for where it first appears on a
 * page. The text defaults to the term's name; hovering shows its one-line meaning.
 */
export function TermLink({ term, children }: { term: GlossaryTerm; children?: ReactNode }) {
  return (
    <Link
      href={termHref(term)}
      title={glossary[term].summary}
      className="underline decoration-dotted underline-offset-2 hover:decoration-solid focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-green-600"
    >
      {children ?? glossary[term].label}
    </Link>
  );
}
