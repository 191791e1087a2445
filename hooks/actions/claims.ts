"use client";

import { metaPoolFullAbi } from "@/lib/contracts";

import { fmtOf, useReceiver } from "./underwrite";
import { contractWrite, useMetaPoolAction, type WriteTarget } from "./write";

/** File a claim on pool `poolId` (named `pool`) and post the `bond`: approve (exact) → fileClaim. */
export function useFileClaim(target: WriteTarget) {
  const fmt = fmtOf(target);
  return useMetaPoolAction(
    target,
    (poolId: number, pool: string, incidentTime: bigint, evidence: string, bond: bigint) => ({
      label: `File a claim on ${pool}`,
      write: contractWrite(target.address, metaPoolFullAbi, "fileClaim", [BigInt(poolId), incidentTime, evidence]),
      action: `file a claim on ${pool}`,
      approve: { amount: bond, label: `Approve the ${fmt(bond)} bond` },
    }),
  );
}

/** The arbiter's ruling on claim `id` (in `pool`): approve (`valid`) or reject. */
export function useResolveClaim(target: WriteTarget) {
  return useMetaPoolAction(target, (id: bigint, pool: string, valid: boolean) => ({
    label: `${valid ? "Approve" : "Reject"} claim #${id} on ${pool}`,
    write: contractWrite(target.address, metaPoolFullAbi, "resolveClaim", [id, valid]),
    action: `${valid ? "approve" : "reject"} claim #${id}`,
  }));
}

/** The arbiter shuts the MetaPool (named `name`) down for good. */
export function useShutdown(target: WriteTarget, name: string) {
  return useMetaPoolAction(target, () => ({
    label: `Shut down ${name}`,
    write: contractWrite(target.address, metaPoolFullAbi, "shutdown", []),
    action: `shut down ${name}`,
  }));
}

/** Collect the fees (and returned bonds) `owed` to the connected account from `name`. */
export function useClaimFees(target: WriteTarget, name: string) {
  const receiver = useReceiver();
  const fmt = fmtOf(target);
  return useMetaPoolAction(target, (owed: bigint) => ({
    label: `Collect ${fmt(owed)} from ${name}`,
    write: contractWrite(target.address, metaPoolFullAbi, "claimFees", [receiver]),
    action: `collect fees from ${name}`,
  }));
}
