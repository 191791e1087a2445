// The core classes (re-exported by the React package the app depends on); no React is rendered here.
import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";

import { lastFetchFailed } from "./queryState";

/** An observer whose fetcher fails until `answer` is set, with no retries. */
function observed(client: QueryClient, answer: { ok: boolean }) {
  return new QueryObserver(client, {
    queryKey: ["status"],
    retry: false,
    queryFn: async () => {
      if (!answer.ok) throw new Error("connection refused");
      return "status";
    },
  });
}

describe("lastFetchFailed", () => {
  it("stays true while a query that never succeeded fetches again, where isError goes back to false", async () => {
    const client = new QueryClient();
    const answer = { ok: false };
    const observer = observed(client, answer);
    const unsubscribe = observer.subscribe(() => {});
    await expect.poll(() => observer.getCurrentResult().isError).toBe(true);

    const again = observer.refetch();
    const during = observer.getCurrentResult();
    expect(during.isFetching).toBe(true);
    expect(during.isError).toBe(false); // what made the fallback flip
    expect(lastFetchFailed(during)).toBe(true);

    await again;
    expect(lastFetchFailed(observer.getCurrentResult())).toBe(true);
    unsubscribe();
  });

  it("is false once a request succeeds, and true again after a later failure", async () => {
    const client = new QueryClient();
    const answer = { ok: true };
    const observer = observed(client, answer);
    const unsubscribe = observer.subscribe(() => {});
    await expect.poll(() => observer.getCurrentResult().isSuccess).toBe(true);
    expect(lastFetchFailed(observer.getCurrentResult())).toBe(false);

    answer.ok = false;
    await observer.refetch();
    expect(lastFetchFailed(observer.getCurrentResult())).toBe(true);

    answer.ok = true;
    await observer.refetch();
    expect(lastFetchFailed(observer.getCurrentResult())).toBe(false);
    unsubscribe();
  });

  it("is false before any request finished", () => {
    expect(lastFetchFailed({ errorUpdatedAt: 0, dataUpdatedAt: 0 })).toBe(false);
  });
});
