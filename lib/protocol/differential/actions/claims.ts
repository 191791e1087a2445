/** Claims and their aftermath: file a claim, rule on it, claim fees and returned bonds, shut the MetaPool down. */
import type { Address } from "viem";

import { fileClaim, projectTo, resolveClaim, shutdown, type MetaPoolState, type Result } from "../../index";
import { addressKey, coverOf, key, owe, owedTo, type coverHolders } from "../model";
import type { Action, ActionContext } from "./context";

export function fileClaimAction(
  { rng, model, address, now, actors, claimFilers, send, pick }: ActionContext,
  holders: ReturnType<typeof coverHolders>,
): Action {
  const { poolId, holder } = pick(holders);
  const opened = projectTo(model.state, now).pools[poolId]!.epochOpenedAt;
  const incidentTime = rng.int(8) === 0 ? now + 10n : opened + rng.below(now - opened + 1n);
  let filer = holder;
  if (rng.int(10) === 0) filer = actors.outsider;
  return {
    name: "fileClaim",
    describe: `pool ${poolId} incident ${incidentTime} by ${filer}`,
    send: () => send(filer, "fileClaim", [BigInt(poolId), incidentTime, "evidence"]),
    mirror: () =>
      fileClaim(model.state, {
        poolId,
        incidentTime,
        filerTokens: coverOf(model, poolId, model.state.pools[poolId]!.epoch, filer),
        now,
      }),
    commit: (v) => {
      const r = v as { state: MetaPoolState; claim: { id: bigint } };
      model.state = r.state;
      claimFilers.set(key(addressKey(address), r.claim.id), filer);
      return r.claim.id;
    },
  };
}

export function resolveClaimAction({ rng, model, address, now, actors, claimFilers, send }: ActionContext): Action {
  const claim = model.state.claims[0]!;
  // Mostly rejected: an invalid ruling ends the freeze and restarts the frozen purchases' delay.
  const valid = rng.int(3) === 0;
  return {
    name: "resolveClaim",
    describe: `#${claim.id} ${valid ? "valid" : "invalid"}`,
    send: () => send(actors.arbiter, "resolveClaim", [claim.id, valid]),
    mirror: () => resolveClaim(model.state, { claimId: claim.id, valid, now }),
    commit: (v) => {
      const r = v as { state: MetaPoolState };
      model.state = r.state;
      if (valid) owe(model, claimFilers.get(key(addressKey(address), claim.id))!, claim.bond);
      return undefined;
    },
    label: () => `resolveClaim(${valid ? "valid" : "invalid"})`,
  };
}

/** Fees and returned bonds of someone owed (`owed`), or now and then of someone owed nothing (NoFees). */
export function claimFeesAction({ rng, model, actors, send, pick }: ActionContext, owed: Address[]): Action {
  const { arbiter, creator, seekers } = actors;
  const who = owed.length > 0 && rng.int(5) !== 0 ? pick(owed) : pick([arbiter, creator, ...seekers]);
  return {
    name: "claimFees",
    describe: `by ${who}`,
    send: () => send(who, "claimFees", [who]),
    mirror: () => {
      const amount = owedTo(model, actors, who);
      return amount === 0n
        ? ({ ok: false, error: { name: "NoFees" } } as unknown as Result<unknown>)
        : { ok: true, value: amount };
    },
    commit: (v) => {
      model.state = {
        ...model.state,
        fees: {
          arbiter: who === arbiter ? 0n : model.state.fees.arbiter,
          creator: who === creator ? 0n : model.state.fees.creator,
        },
      };
      model.bondsOwed.delete(who);
      return v;
    },
  };
}

export function shutdownAction(
  { model, address, now, actors, claimFilers, send }: ActionContext,
  byArbiter: boolean,
): Action {
  const caller = byArbiter ? actors.arbiter : actors.outsider;
  return {
    name: "shutdown",
    describe: `by ${byArbiter ? "the arbiter" : "an outsider"}`,
    send: () => send(caller, "shutdown", []),
    mirror: () => shutdown(model.state, { byArbiter, now }),
    commit: (v) => {
      const r = v as { state: MetaPoolState; voided: { id: bigint; bond: bigint }[] };
      model.state = r.state;
      for (const c of r.voided) owe(model, claimFilers.get(key(addressKey(address), c.id))!, c.bond);
      return undefined;
    },
  };
}
