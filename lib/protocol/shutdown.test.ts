import { describe, expect, test } from "vitest";

import { fileClaim } from "./claim";
import { CLAIM_TIMEOUT, DAY } from "./constants";
import { unwrap } from "./errors";
import { poolView } from "./poolView";
import { buyProtection } from "./protection";
import { shutdown, shutdownOpenAt } from "./shutdown";
import { sync } from "./sync";
import { ONE, stateAt, T0 } from "./testkit";

const P = (n: bigint) => n * ONE;
const example1 = () => stateAt(T0, P(1000n), [P(100n), P(100n), P(100n)]);

describe("shutdown", () => {
  test("by the arbiter when no claim is pending; once", () => {
    expect(shutdown(example1(), { byArbiter: false, now: T0 })).toEqual({ ok: false, error: { name: "NotArbiter" } });
    const down = unwrap(shutdown(example1(), { byArbiter: true, now: T0 })).state;
    expect(down.isShutDown).toBe(true);
    expect(shutdown(down, { byArbiter: true, now: T0 })).toEqual({ ok: false, error: { name: "MetaPoolIsShutDown" } });
  });

  test("by anyone once a claim has been pending 30 days, voiding it and charging its premium debt", () => {
    const filed = unwrap(fileClaim(example1(), { poolId: 0, incidentTime: T0, filerTokens: ONE, now: T0 })).state;
    expect(shutdownOpenAt(filed)).toBe(T0 + CLAIM_TIMEOUT);
    expect(shutdown(filed, { byArbiter: true, now: T0 + DAY })).toEqual({
      ok: false,
      error: { name: "ShutdownNotAllowed", claimId: 1n, allowedAt: T0 + CLAIM_TIMEOUT },
    });
    const { state, voided } = unwrap(shutdown(filed, { byArbiter: false, now: T0 + CLAIM_TIMEOUT }));
    expect(voided.map((c) => c.id)).toEqual([1n]);
    expect(state.claims).toEqual([]);
    // Pool 0 paid its 30 days like the others once voided.
    expect(state.pools[0]!.active).toBeLessThan(P(100n));
    expect(state.pools[0]!.charged).toBe(state.pools[1]!.charged);
  });

  test("the funding rate is 0 for ever, cover is out of force, pending purchases are refundable", () => {
    const bought = unwrap(buyProtection(example1(), 1, P(50n), T0)).state;
    const { state, refunded } = unwrap(shutdown(bought, { byArbiter: true, now: T0 }));
    expect(refunded).toBe(P(50n));
    expect(poolView(state, 0)).toMatchObject({ rate: 0n, premiumSpeed: 0n, payout: 0n });
    const year = unwrap(sync(state, T0 + 365n * DAY)).state;
    expect(year.pools.map((p) => p.active)).toEqual([P(100n), P(100n), P(100n)]);
  });
});
