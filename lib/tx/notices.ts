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

export function dismissNotice(id: number): void {
  if (notices.some((n) => n.id === id)) publish(notices.filter((n) => n.id !== id));
}

/** Adds a notice and schedules its removal; the newest three are kept. */
export function pushNotice(notice: Omit<TxNotice, "id">): number {
  const id = nextId++;
  publish([...notices, { ...notice, id }].slice(-3));
  setTimeout(() => dismissNotice(id), NOTICE_MS);
  return id;
}

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
