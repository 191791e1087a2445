import type { Page } from "@playwright/test";

/** JSON-RPC calls the page sends to `rpcUrl` while it sits for `ms`, by method (a batch counts each call). */
export async function rpcCallsWhileIdle(page: Page, rpcUrl: string, ms: number): Promise<Record<string, number>> {
  const byMethod: Record<string, number> = {};
  const count = (request: import("@playwright/test").Request) => {
    if (!request.url().startsWith(rpcUrl) || request.method() !== "POST") return;
    const calls = [JSON.parse(request.postData() ?? "[]")].flat() as { method?: string }[];
    for (const call of calls) byMethod[call.method ?? "?"] = (byMethod[call.method ?? "?"] ?? 0) + 1;
  };
  page.on("request", count);
  await page.waitForTimeout(ms);
  page.off("request", count);
  return byMethod;
}

export const total = (byMethod: Record<string, number>) => Object.values(byMethod).reduce((a, b) => a + b, 0);
