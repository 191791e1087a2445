import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { ArbiterName } from "./ArbiterName";

const ARBITER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as const;
const POOL = "0x00000000000000000000000000000000000000a1" as const;
const known = vi.hoisted(() => ({ ens: undefined as string | undefined, statement: null as string | null }));

vi.mock("@/hooks/useEnsName", () => ({ useEnsName: () => known.ens }));
vi.mock("@/hooks/useArbiterRecord", () => ({ useKnownArbiterStatement: () => known.statement }));

const render = (isYou = false) => renderToStaticMarkup(<ArbiterName address={ARBITER} metaPool={POOL} isYou={isYou} />);

describe("Explore's arbiter column", () => {
  beforeEach(() => {
    known.ens = undefined;
    known.statement = null;
  });

  it("shows the short address with a copy button when nothing names the arbiter", () => {
    const html = render();
    expect(html).toContain('data-kind="address"');
    expect(html).toContain("0x7099…79C8");
    expect(html).toContain('aria-label="Copy arbiter address"');
  });

  it("shows the creator's sentence about the arbiter once read, the address beside it", () => {
    known.statement = "Pays on lending exploits. Claims are ruled by the Acme security council.";
    const html = render();
    expect(html).toContain('data-kind="label"');
    expect(html).toContain("Claims are ruled by the Acme security council.");
    expect(html).toContain("0x7099…79C8");
  });

  it("prefers the ENS name, and highlights the connected arbiter", () => {
    known.ens = "acme.eth";
    known.statement = "Claims are ruled by the Acme security council.";
    const html = render(true);
    expect(html).toContain('data-kind="ens"');
    expect(html).toContain("acme.eth");
    expect(html).not.toContain("Acme security council");
    expect(html).toContain(">you</span>");
  });
});
