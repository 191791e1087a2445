/** Underwriters' actions: deposit, request, complete and cancel a withdrawal, exit a shut-down MetaPool. */
import type { Address } from "viem";

import {
  cancelWithdrawal,
  completeWithdrawal,
  deposit,
  exit,
  requestWithdrawal,
  sharesInCurrentEpoch,
  type MetaPoolState,
  type WithdrawalRequest,
} from "../../index";
import { addShares, ONE, shareBalance } from "../model";
import type { Action, ActionContext } from "./context";

type OpenRequest = [bigint, { owner: Address; request: WithdrawalRequest }];

export function depositAction({ rng, model, now, actors, send, pick }: ActionContext): Action {
  const who = pick(actors.underwriters);
  const assets = rng.int(8) === 0 ? rng.between(1n, 1000n) : rng.between(1_000n, 400_000n) * ONE;
  return {
    name: "deposit",
    describe: `${assets} by ${who}`,
    send: () => send(who, "deposit", [assets, who]),
    mirror: () => deposit(model.state, assets, now),
    commit: (v) => {
      const r = v as { state: MetaPoolState; shares: bigint };
      model.state = r.state;
      addShares(model, who, r.shares);
      return r.shares;
    },
  };
}

/** Mostly an underwriter holding shares, and part of their balance. */
function sharesOfAnUnderwriter({ rng, model, actors, pick, fraction }: ActionContext) {
  const holding = actors.underwriters.filter((u) => shareBalance(model, u) > 0n);
  const who = holding.length > 0 && rng.int(8) !== 0 ? pick(holding) : pick(actors.underwriters);
  const balance = shareBalance(model, who);
  return { who, balance, shares: fraction(balance) };
}

export function requestWithdrawalAction(ctx: ActionContext): Action {
  const { model, now, send } = ctx;
  const { who, balance, shares } = sharesOfAnUnderwriter(ctx);
  let request: WithdrawalRequest | undefined;
  return {
    name: "requestWithdrawal",
    describe: `${shares} of ${balance} by ${who}`,
    send: () => send(who, "requestWithdrawal", [shares]),
    mirror: () => requestWithdrawal(model.state, shares, shareBalance(model, who), now),
    commit: (v) => {
      const r = v as { state: MetaPoolState; request: WithdrawalRequest };
      model.state = r.state;
      addShares(model, who, -shares);
      request = r.request;
      return undefined;
    },
    project: (id) => {
      model.requests.set(id as bigint, { owner: who, request: request! });
      return undefined;
    },
  };
}

export function completeWithdrawalAction(
  { model, now, send, pick, fraction }: ActionContext,
  openRequests: OpenRequest[],
): Action {
  const [id, { owner, request }] = pick(openRequests);
  const current = sharesInCurrentEpoch(model.state, request.shares, request.shareEpoch);
  const shares = fraction(current);
  return {
    name: "completeWithdrawal",
    describe: `#${id} ${shares} of ${current}`,
    send: () => send(owner, "completeWithdrawal", [id, shares, owner]),
    mirror: () => completeWithdrawal(model.state, request, shares, now),
    commit: (v) => {
      const r = v as { state: MetaPoolState; assets: bigint; request: WithdrawalRequest };
      model.state = r.state;
      model.requests.set(id, { owner, request: r.request });
      return r.assets;
    },
  };
}

export function cancelWithdrawalAction({ model, now, send, pick }: ActionContext, openRequests: OpenRequest[]): Action {
  const [id, { owner, request }] = pick(openRequests);
  return {
    name: "cancelWithdrawal",
    describe: `#${id}`,
    send: () => send(owner, "cancelWithdrawal", [id]),
    mirror: () => cancelWithdrawal(model.state, request, now),
    commit: (v) => {
      const r = v as { state: MetaPoolState; returned: bigint };
      model.state = r.state;
      model.requests.delete(id);
      addShares(model, owner, r.returned);
      return r.returned;
    },
  };
}

export function exitAction(ctx: ActionContext): Action {
  const { model, now, send } = ctx;
  const { who, balance, shares } = sharesOfAnUnderwriter(ctx);
  return {
    name: "exit",
    describe: `${shares} of ${balance} by ${who}`,
    send: () => send(who, "exit", [shares, who]),
    mirror: () => exit(model.state, shares, shareBalance(model, who), now),
    commit: (v) => {
      const r = v as { state: MetaPoolState; assets: bigint };
      model.state = r.state;
      addShares(model, who, -shares);
      return r.assets;
    },
  };
}
