import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import {
  dismissNotice,
  getNotices,
  NOTICE_MS,
  NOTICE_RESUME_MS,
  pauseNotices,
  pushNotice,
  resumeNotices,
  subscribeNotices,
} from "./notices";

const HASH = `0x${"ab".repeat(32)}` as const;

describe("transaction notices", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    for (const n of getNotices()) dismissNotice(n.id);
    vi.useRealTimers();
  });

  it("announces a confirmation to subscribers and removes it after its time", () => {
    const heard = vi.fn();
    const unsubscribe = subscribeNotices(heard);
    const id = pushNotice({ label: "Withdraw 100.00 dUSD", hash: HASH });
    expect(getNotices()).toEqual([{ id, label: "Withdraw 100.00 dUSD", hash: HASH }]);
    expect(heard).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(NOTICE_MS - 1);
    expect(getNotices()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(getNotices()).toEqual([]);
    expect(heard).toHaveBeenCalledTimes(2);
    unsubscribe();
  });

  it("keeps the newest three and lets one be dismissed early", () => {
    const ids = ["a", "b", "c", "d"].map((label) => pushNotice({ label, hash: HASH }));
    expect(getNotices().map((n) => n.label)).toEqual(["b", "c", "d"]);
    dismissNotice(ids[2]!);
    expect(getNotices().map((n) => n.label)).toEqual(["b", "d"]);
  });

  it("stays while paused (pointer over it or focus in it) and resumes with the time it had left", () => {
    pushNotice({ label: "Deposit 50.00 dUSD", hash: HASH });
    vi.advanceTimersByTime(2_000);
    pauseNotices();
    vi.advanceTimersByTime(60_000);
    expect(getNotices()).toHaveLength(1);
    // A notice arriving while paused waits too.
    pushNotice({ label: "Claim", hash: HASH });
    vi.advanceTimersByTime(NOTICE_MS * 2);
    expect(getNotices()).toHaveLength(2);
    resumeNotices();
    vi.advanceTimersByTime(NOTICE_MS - 2_000 - 1);
    expect(getNotices().map((n) => n.label)).toEqual(["Deposit 50.00 dUSD", "Claim"]);
    vi.advanceTimersByTime(1);
    expect(getNotices().map((n) => n.label)).toEqual(["Claim"]);
    vi.advanceTimersByTime(2_000);
    expect(getNotices()).toEqual([]);
  });

  it("gives a notice almost out of time a few seconds after the pointer leaves", () => {
    pushNotice({ label: "Deposit", hash: HASH });
    vi.advanceTimersByTime(NOTICE_MS - 100);
    pauseNotices();
    resumeNotices();
    vi.advanceTimersByTime(NOTICE_RESUME_MS - 1);
    expect(getNotices()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(getNotices()).toEqual([]);
  });
});
