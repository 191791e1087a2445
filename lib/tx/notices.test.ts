import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { NOTICE_MS, dismissNotice, getNotices, pushNotice, subscribeNotices } from "./notices";

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
});
