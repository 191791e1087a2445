"use client";

import { useSyncExternalStore } from "react";

import {
  dismissNotice,
  getNotices,
  getServerNotices,
  pauseNotices,
  resumeNotices,
  subscribeNotices,
} from "@/lib/tx/notices";

import { HashLink } from "./HashLink";

/**
 * Confirmed transactions in a corner, so the confirmation stays visible when the row acted on leaves.
 * They wait while the pointer is over them or focus is in them, and go 8 s after otherwise.
 */
export function TxToasts() {
  const notices = useSyncExternalStore(subscribeNotices, getNotices, getServerNotices);
  return (
    <div
      aria-live="polite"
      onMouseEnter={pauseNotices}
      onMouseLeave={resumeNotices}
      onFocus={pauseNotices}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) resumeNotices();
      }}
      className="pointer-events-none fixed bottom-4 left-4 z-40 flex w-[calc(100%-2rem)] max-w-sm flex-col gap-2"
    >
      {notices.map((notice) => (
        <div
          key={notice.id}
          data-testid="tx-toast"
          className="pointer-events-auto flex items-start gap-2 rounded-md border border-border bg-surface p-3 text-sm shadow-lg"
        >
          <span aria-hidden="true" className="text-green-600">
            ✓
          </span>
          <p className="flex-1">
            <span className="font-medium">{notice.label}</span> <span className="text-muted">— confirmed</span>{" "}
            <HashLink hash={notice.hash} />
          </p>
          <button
            type="button"
            className="text-muted hover:text-current"
            aria-label={`Dismiss: ${notice.label} confirmed`}
            onClick={() => dismissNotice(notice.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
