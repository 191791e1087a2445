import type { ReactNode } from "react";

import { LazyErrorSentence } from "@/components/layout/LazyErrorSentence";

/** A grey placeholder block while data loads. */
export function Skeleton({ className = "h-4 w-full" }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded bg-border/60 ${className}`} />;
}

/** Several skeleton rows with a label for screen readers. */
export function LoadingRows({ rows = 3, label = "Loading" }: { rows?: number; label?: string }) {
  return (
    <div role="status" aria-label={label} className="space-y-3">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-16 w-full" />
      ))}
    </div>
  );
}

/**
 * A failed read: what failed, why and a retry. `error` is told as describeError's sentence for `action`, whose code
 * (every contract error's sentence) loads only once an error shows; `detail` is a sentence of the caller's own.
 */
export function ErrorState({
  title,
  detail,
  error,
  onRetry,
}: {
  title: string;
  detail?: string;
  error?: { cause: unknown; action: string };
  onRetry?: () => void;
}) {
  return (
    <div role="alert" className="card space-y-2 border-red-600/40">
      <p className="font-medium text-red-700 dark:text-red-400">{title}</p>
      {detail && <p className="text-sm text-muted">{detail}</p>}
      {error && (
        <p className="text-sm text-muted">
          <LazyErrorSentence error={error.cause} action={error.action} />
        </p>
      )}
      {onRetry && (
        <button type="button" className="btn-secondary" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

/** Nothing to show yet, and what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="card space-y-1 text-center">
      <p className="font-medium">{title}</p>
      {children && <div className="text-sm text-muted">{children}</div>}
    </div>
  );
}
