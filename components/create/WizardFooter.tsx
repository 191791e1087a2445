"use client";

/**
 * Back and Next. Next says why the step cannot be left only once the creator tried: by then every
 * problem is also shown next to its own field, and the first of those fields has focus.
 */
export function WizardFooter({
  canGoBack,
  nextTitle,
  issue,
  showIssue,
  onBack,
  onNext,
}: {
  canGoBack: boolean;
  /** The next step's title; undefined on the last step (no Next). */
  nextTitle?: string;
  issue?: string;
  showIssue: boolean;
  onBack: () => void;
  onNext: () => void;
}) {
  const reason = issue && showIssue ? issue : undefined;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-t border-border pt-4">
      <button type="button" className="btn-secondary" onClick={onBack} disabled={!canGoBack} data-testid="create-back">
        Back
      </button>
      {nextTitle && (
        <div className="flex min-w-0 flex-wrap items-center justify-end gap-3">
          <span id="create-next-reason" className="min-w-0 text-sm text-muted" aria-live="polite">
            {reason ?? ""}
          </span>
          <button
            type="button"
            className="btn-primary aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
            onClick={onNext}
            aria-disabled={Boolean(issue)}
            aria-describedby={reason ? "create-next-reason" : undefined}
            data-testid="create-next"
          >
            Next: {nextTitle}
          </button>
        </div>
      )}
    </div>
  );
}
