"use client";

import { useMemo } from "react";

import type { ExistingName } from "@/lib/forms/createMetaPool";

import { useMetaPools } from "./useMetaPools";

/** Every MetaPool's name and address (the create wizard warns about a name already in use). */
export function useMetaPoolNames(): readonly ExistingName[] {
  const { data } = useMetaPools();
  return useMemo(() => (data ?? []).map((v) => ({ name: v.config.name, address: v.metaPool })), [data]);
}
