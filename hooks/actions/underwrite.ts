"use client";

import { zeroAddress } from "viem";
import { useAccount } from "wagmi";

import { metaPoolFullAbi } from "@/lib/contracts";
import { formatAmount } from "@/lib/format";
import { formatShares } from "@/lib/format/shares";

import { contractWrite, useMetaPoolAction, type WriteTarget } from "./write";

export const fmtOf = (target: WriteTarget) => (amount: bigint) =>
  formatAmount(amount, target.asset.decimals, { symbol: target.asset.symbol });

/**
 * The connected account receives what an action pays. Without one the write path stops at "connect
 * a wallet first" before anything is simulated, so the placeholder is never sent.
 */
export function useReceiver() {
  return useAccount().address ?? zeroAddress;
}

/** Deposit `amount` of the asset for shares: approve (exact) → deposit. */
export function useDeposit(target: WriteTarget) {
  const receiver = useReceiver();
  const fmt = fmtOf(target);
  return useMetaPoolAction(target, (amount: bigint) => ({
    label: `Deposit ${fmt(amount)}`,
    write: contractWrite(target.address, metaPoolFullAbi, "deposit", [amount, receiver]),
    action: "deposit",
    approve: { amount, label: `Approve ${fmt(amount)}` },
  }));
}

/** Queue `shares` (worth `assets` now, when known) for withdrawal after the delay. */
export function useRequestWithdrawal(target: WriteTarget) {
  const fmt = fmtOf(target);
  return useMetaPoolAction(target, (shares: bigint, assets?: bigint) => ({
    label:
      assets === undefined
        ? `Request withdrawal of ${formatShares(shares, target.asset.decimals)}`
        : `Request withdrawal of ${fmt(assets)} (${formatShares(shares, target.asset.decimals)})`,
    write: contractWrite(target.address, metaPoolFullAbi, "requestWithdrawal", [shares]),
    action: "request a withdrawal",
  }));
}

/**
 * Withdraw `shares` of request `id`, paying `assets`, inside its window. A portfolio row ("row")
 * completes the request in full and says only what it pays.
 */
export function useCompleteWithdrawal(target: WriteTarget, wording: "page" | "row" = "page") {
  const receiver = useReceiver();
  const fmt = fmtOf(target);
  return useMetaPoolAction(target, (id: bigint, shares: bigint, assets: bigint) => ({
    label:
      wording === "row"
        ? `Withdraw ${fmt(assets)} (request #${id})`
        : `Withdraw ${fmt(assets)} (${formatShares(shares, target.asset.decimals)}) from request #${id}`,
    write: contractWrite(target.address, metaPoolFullAbi, "completeWithdrawal", [id, shares, receiver]),
    action: wording === "row" ? `complete withdrawal request #${id}` : "withdraw",
  }));
}

/** Cancel request `id`: its shares come back. */
export function useCancelWithdrawal(target: WriteTarget) {
  return useMetaPoolAction(target, (id: bigint) => ({
    label: `Cancel request #${id}`,
    write: contractWrite(target.address, metaPoolFullAbi, "cancelWithdrawal", [id]),
    action: "cancel the withdrawal request",
  }));
}

/** After a shutdown: redeem `shares` (worth `assets`) at once. */
export function useExit(target: WriteTarget) {
  const receiver = useReceiver();
  const fmt = fmtOf(target);
  return useMetaPoolAction(target, (shares: bigint, assets: bigint) => ({
    label: `Exit with ${formatShares(shares, target.asset.decimals)} for ${fmt(assets)}`,
    write: contractWrite(target.address, metaPoolFullAbi, "exit", [shares, receiver]),
    action: "exit",
  }));
}
