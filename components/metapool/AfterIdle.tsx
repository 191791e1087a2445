"use client";

import { useEffect, useState, type ReactNode } from "react";

/**
 * Renders `children` once the browser is idle after the page's first render (at the latest `timeoutMs` later), and
 * `fallback` until then: work below the fold (reads, derivations, charts) stays off the main thread while the page
 * hydrates and paints what is on screen.
 */
export function AfterIdle({
  children,
  fallback = null,
  timeoutMs = 2000,
}: {
  children: ReactNode;
  fallback?: ReactNode;
  timeoutMs?: number;
}) {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(() => setIdle(true), { timeout: timeoutMs });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(() => setIdle(true), 200);
    return () => window.clearTimeout(id);
  }, [timeoutMs]);
  return idle ? children : fallback;
}
