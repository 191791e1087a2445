"use client";

import { appChain } from "@/lib/chain";
import { describeError } from "@/lib/errors";

/** Why switching the wallet's chain failed, as a sentence. */
export default function SwitchChainError({ error }: { error: Error }) {
  return <p className="w-full font-medium">{describeError(error, { action: `switch to ${appChain.name}` })}</p>;
}
