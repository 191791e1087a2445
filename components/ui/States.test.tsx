import { lazy, type ComponentType, type ReactNode } from "react";
import { prerenderToNodeStream } from "react-dom/static";
import { UserRejectedRequestError } from "viem";
import { describe, expect, it, vi } from "vitest";

import { describeError } from "@/lib/errors";

import { ErrorState } from "./States";

// next/dynamic outside Next renders nothing on the server; React's lazy loads the same import as it does in the browser.
vi.mock("next/dynamic", () => ({
  default: (load: () => Promise<{ default: ComponentType<{ error: unknown; action: string }> }>) => lazy(load),
}));

/** The markup once every lazy part has loaded (prerendering waits for them, as a static render cannot). */
async function html(node: ReactNode): Promise<string> {
  const { prelude } = await prerenderToNodeStream(node);
  let out = "";
  for await (const chunk of prelude) out += String(chunk);
  return out;
}

describe("ErrorState", () => {
  it("tells the error as describeError's sentence for the action, once its lazily loaded code has arrived", async () => {
    const cause = new UserRejectedRequestError(new Error("User rejected the request."));
    const sentence = describeError(cause, { action: "read your positions" });
    const out = await html(
      <ErrorState title="Your positions could not be read." error={{ cause, action: "read your positions" }} />,
    );
    expect(out).toContain("Your positions could not be read.");
    expect(out).toContain(sentence.replace(/'/g, "&#x27;"));
  });

  it("shows a caller's own detail as it is, and no sentence without an error", async () => {
    const out = await html(<ErrorState title="Canopy is not deployed on this chain." detail="Switch the app." />);
    expect(out).toContain("Switch the app.");
    expect(out.match(/<p/g)).toHaveLength(2);
  });
});
