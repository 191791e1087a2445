/**
 * Confirmed transactions, announced app-wide: a form's own progress list leaves with the row it acted
 * on (a request withdrawn in full, a payout redeemed), so the confirmation must outlive the component.
 * A tiny external store (no context) so any write path can publish and one toaster renders.
 */
import type { Hash } from "viem";

export interface TxNotice {
  id: number;
  /** What was done, as its button said it: "Withdraw 100.00 dUSD". */
  label: string;
  hash: Hash;
}

/** How long a notice stays unless dismissed. */
export const NOTICE_MS = 8_000;

let notices: readonly TxNotice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function publish(next: readonly TxNotice[]) {
  notices = next;
  for (const listener of listeners) listener();
}

/** Each shown notice's removal: its timer while running, or the time it had left while paused. */
const timers = new Map<number, { timer?: ReturnType<typeof setTimeout>; dueAt: number; left: number }>();
let paused = false;

export function dismissNotice(id: number): void {
  const entry = timers.get(id);
  if (entry?.timer) clearTimeout(entry.timer);
  timers.delete(id);
  // The last toast dismissed under the pointer or with focus in it sends no leave or blur.
  if (timers.size === 0) paused = false;
  if (notices.some((n) => n.id === id)) publish(notices.filter((n) => n.id !== id));
}

function schedule(id: number, ms: number): void {
  if (paused) timers.set(id, { dueAt: Date.now() + ms, left: ms });
  else timers.set(id, { timer: setTimeout(() => dismissNotice(id), ms), dueAt: Date.now() + ms, left: ms });
}

/** Adds a notice and schedules its removal; the newest three are kept. */
export function pushNotice(notice: Omit<TxNotice, "id">): number {
  const id = nextId++;
  const next = [...notices, { ...notice, id }];
  for (const dropped of next.slice(0, -3)) {
    clearTimeout(timers.get(dropped.id)?.timer);
    timers.delete(dropped.id);
  }
  publish(next.slice(-3));
  schedule(id, NOTICE_MS);
  return id;
}

/**
 * Stops every notice's clock while the pointer is over the toasts or focus is in them (WCAG 2.2.1:
 * nothing vanishes while it is being read or acted on); `resumeNotices` restarts each with the
 * time it had left, never less than a few seconds to finish reading.
 */
export function pauseNotices(): void {
  paused = true;
  for (const [id, entry] of timers) {
    if (!entry.timer) continue;
    clearTimeout(entry.timer);
    timers.set(id, { dueAt: entry.dueAt, left: Math.max(entry.dueAt - Date.now(), 0) });
  }
}

export function resumeNotices(): void {
  paused = false;
  for (const [id, entry] of timers) {
    if (!entry.timer) schedule(id, Math.max(entry.left, NOTICE_RESUME_MS));
  }
}

/** The least time a notice stays after the pointer or focus leaves it. */
export const NOTICE_RESUME_MS = 3_000;

export function subscribeNotices(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getNotices(): readonly TxNotice[] {
  return notices;
}

const NONE: readonly TxNotice[] = [];
/** The server renders no notices. */
export function getServerNotices(): readonly TxNotice[] {
  return NONE;
}
