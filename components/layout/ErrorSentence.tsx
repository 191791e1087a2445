"use client";

import { describeError } from "@/lib/errors";

/** `error` as the sentence describeError makes of it, for `action` ("switch to Anvil"). */
export default function ErrorSentence({ error, action }: { error: unknown; action: string }) {
  return <>{describeError(error, { action })}</>;
}
