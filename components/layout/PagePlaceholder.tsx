import type { ReactNode } from "react";

/** A page that is not built yet: its title and one paragraph on what it will hold. */
export function PagePlaceholder({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-3">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="max-w-prose text-muted">{children}</p>
      <p className="text-sm text-muted">Coming soon.</p>
    </section>
  );
}
