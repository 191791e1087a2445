import type { ReactNode } from "react";

import type { GlossaryTerm } from "@/lib/glossary";

/** One term's explanation: its anchor is the glossary id, its heading a level-2 heading. */
export function Section({ id, title, children }: { id: GlossaryTerm; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-24 space-y-3">
      <h2 id={`${id}-heading`} className="text-xl font-semibold tracking-tight">
        <a href={`#${id}`} className="hover:underline">
          {title}
        </a>
      </h2>
      <div className="max-w-prose space-y-3 leading-relaxed">{children}</div>
    </section>
  );
}

/** A term defined inside another term's section, with an anchor of its own. */
export function Defined({ id, children }: { id: GlossaryTerm; children: ReactNode }) {
  return (
    <dfn id={id} className="scroll-mt-24 font-semibold not-italic">
      {children}
    </dfn>
  );
}

export function Formula({ children }: { children: ReactNode }) {
  return (
    <p className="overflow-x-auto rounded-md border border-border bg-surface px-3 py-2 font-mono text-sm">{children}</p>
  );
}
