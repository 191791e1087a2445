"use client";

import { CREATE_STEPS } from "@/lib/forms/createMetaPool";

/**
 * The wizard's seven steps. A step is ticked once the creator has been on it and it is complete;
 * steps beyond the first incomplete one cannot be jumped to.
 */
export function StepNav({
  stepIndex,
  reachable,
  visited,
  locked,
  onGo,
}: {
  stepIndex: number;
  /** The furthest step reachable: every step before it is complete. */
  reachable: number;
  visited: ReadonlySet<number>;
  /** A transaction is running: the parameters being signed stay on screen. */
  locked: boolean;
  onGo: (index: number) => void;
}) {
  const step = CREATE_STEPS[stepIndex]!;
  return (
    <nav aria-label="Steps">
      <ol className="flex gap-1 overflow-x-auto pb-1 sm:gap-2">
        {CREATE_STEPS.map((s, i) => {
          const done = i < reachable && visited.has(i);
          const current = i === stepIndex;
          return (
            <li key={s.id} className="min-w-0 flex-1">
              <button
                type="button"
                onClick={() => onGo(i)}
                disabled={i > reachable || locked}
                aria-current={current ? "step" : undefined}
                aria-label={`Step ${i + 1}: ${s.title}${done ? ", complete" : ""}`}
                data-testid={`create-step-${s.id}`}
                className={`flex w-full flex-col items-start gap-1 border-t-4 pt-2 text-left text-xs disabled:cursor-not-allowed disabled:opacity-50 ${
                  current ? "border-green-600 font-semibold" : done ? "border-green-600/50" : "border-border"
                }`}
              >
                <span className="text-muted" aria-hidden="true">
                  {i + 1}
                  {done && !current ? " ✓" : ""}
                </span>
                <span className="hidden sm:block" aria-hidden="true">
                  {s.title}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <p className="mt-2 text-sm text-muted sm:hidden">
        Step {stepIndex + 1} of {CREATE_STEPS.length}: {step.title}
      </p>
    </nav>
  );
}
