"use client";

import { metaPoolFullAbi } from "@/lib/contracts";
import { formatAmount } from "@/lib/format";

import { fmtOf, useReceiver } from "./underwrite";
import { contractWrite, useMetaPoolAction, type WriteTarget } from "./write";

/**
 * Where the button sits: on the MetaPool page it names the purchase or pool; in a portfolio row,
 * which already names them, it says only what it pays.
 */
export type Wording = "page" | "row";

/** Buy `amount` of protection in pool `poolId` (named `pool`): approve (exact) → buyProtection. */
export function useBuyProtection(target: WriteTarget) {
  const receiver = useReceiver();
  const fmt = fmtOf(target);
  return useMetaPoolAction(target, (poolId: number, pool: string, amount: bigint) => ({
    label: `Buy ${fmt(amount)} of protection in ${pool}`,
    write: contractWrite(target.address, metaPoolFullAbi, "buyProtection", [BigInt(poolId), amount, receiver]),
    action: `buy ${fmt(amount)} of protection in ${pool}`,
    approve: { amount, label: `Approve ${fmt(amount)}` },
  }));
}

/** Give back `refund` of purchase `id` (in `pool`): what is refundable goes back to the buyer. */
export function useRefundPurchase(target: WriteTarget, wording: Wording = "page") {
  const fmt = fmtOf(target);
  return useMetaPoolAction(target, (id: bigint, pool: string, refund: bigint) => ({
    label: wording === "row" ? `Refund ${fmt(refund)}` : `Refund ${fmt(refund)} (purchase #${id})`,
    write: contractWrite(target.address, metaPoolFullAbi, "refundPurchase", [id]),
    action: wording === "row" ? `refund purchase #${id}` : `refund purchase #${id} in ${pool}`,
  }));
}

/**
 * Withdraw cover of pool `poolId` by burning `tokens` cover tokens for their underlying (`assets`,
 * when quoted); `unit` names the tokens. The contract's sync runs first, so tokens a due purchase
 * has not minted yet are minted in the same transaction and can be burned at once.
 */
export function useWithdrawProtection(target: WriteTarget, wording: Wording = "page") {
  const receiver = useReceiver();
  const fmt = fmtOf(target);
  return useMetaPoolAction(
    target,
    (poolId: number, pool: string, tokens: bigint, assets: bigint | undefined, unit: string) => ({
      label:
        wording === "row"
          ? `Withdraw ${fmt(assets ?? tokens)}`
          : assets !== undefined
            ? `Withdraw ${fmt(assets)} of cover from ${pool}`
            : `Withdraw ${formatAmount(tokens, target.asset.decimals, { symbol: unit })} of cover from ${pool}`,
      write: contractWrite(target.address, metaPoolFullAbi, "withdrawProtection", [BigInt(poolId), tokens, receiver]),
      action: wording === "row" ? `withdraw your ${pool} deposit` : `withdraw cover from ${pool}`,
    }),
  );
}

/** Redeem the paid (or lapsed) cover of pool `poolId`, epoch `epoch`: `value` of the asset. */
export function useRedeemPayout(target: WriteTarget, wording: Wording = "page") {
  const receiver = useReceiver();
  const fmt = fmtOf(target);
  return useMetaPoolAction(target, (poolId: number, epoch: number, pool: string, value: bigint) => ({
    label: wording === "row" ? `Redeem ${fmt(value)}` : `Redeem ${fmt(value)} from ${pool}`,
    write: contractWrite(target.address, metaPoolFullAbi, "redeemPayout", [BigInt(poolId), BigInt(epoch), receiver]),
    action: wording === "row" ? `redeem the ${pool} payout` : `redeem the payout of ${pool}`,
  }));
}

/**
 * Up to 16 due purchases mature in one sync (SPEC §6); one `poke` mints this one's cover tokens now.
 * Optional: every other action on the MetaPool runs the same sync first.
 */
const POKE_BATCH = 16n;

/** `poke(16)`: anyone may run the sync that turns due purchases (here purchase `id` in `pool`) into cover tokens. */
export function useMintDueCover(target: WriteTarget) {
  return useMetaPoolAction(target, (id: bigint, pool: string) => ({
    label: `Mint the cover tokens of purchase #${id}`,
    write: contractWrite(target.address, metaPoolFullAbi, "poke", [POKE_BATCH]),
    action: `mature purchase #${id} in ${pool}`,
  }));
}
