"use client";

import type { Address } from "viem";

import { AddressInput } from "@/components/ui/AddressInput";
import { Field } from "@/components/ui/Field";
import { Skeleton } from "@/components/ui/States";
import { metaOf, useTokenMetas } from "@/hooks/useTokens";
import { deployment } from "@/lib/deployment";

import { StepIntro } from "../fields";
import type { StepProps } from "../types";

/**
 * Step 1: the one ERC-20 the MetaPool holds. The demo tokens are one click; any other token is
 * pasted by address and read live (see useAssetInfo).
 */
export function AssetStep({
  form,
  errors,
  update,
  shown,
  touch,
  asset,
  reading,
  verdict,
  readFailed,
  onRetry,
}: StepProps & {
  reading: boolean;
  /** Why the token at the address was refused (no code, no decimals, decimals out of range). */
  verdict?: string;
  readFailed: boolean;
  onRetry: () => void;
}) {
  const demoTokens: readonly Address[] = deployment?.demoTokens ?? [];
  const metas = useTokenMetas(demoTokens);
  const selected = form.asset.trim().toLowerCase();

  return (
    <div className="space-y-5">
      <StepIntro title="Asset">
        Capital, cover deposits, premiums, claim bonds and payouts are all in this one token. Fee-on-transfer and
        rebasing tokens are not supported.
      </StepIntro>

      {demoTokens.length > 0 && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Demo tokens on this network</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {demoTokens.map((token) => {
              const meta = metaOf(metas.data, token);
              const checked = selected === token.toLowerCase();
              return (
                <label
                  key={token}
                  className={`card flex min-w-0 cursor-pointer items-start gap-3 ${checked ? "border-green-600 ring-1 ring-green-600" : ""}`}
                >
                  <input
                    type="radio"
                    name="create-asset"
                    className="mt-1"
                    checked={checked}
                    onChange={() => update({ asset: token })}
                    // A click on the card whose radio the browser still thinks is checked (after a bad
                    // address was typed) fires no change: restore the token here too.
                    onClick={() => update({ asset: token })}
                    data-testid={`create-asset-${meta?.symbol ?? token}`}
                  />
                  <span className="min-w-0">
                    {meta ? (
                      <span className="block font-medium">
                        {meta.symbol} <span className="font-normal text-muted">· {meta.name}</span>
                      </span>
                    ) : metas.isError ? (
                      <span className="block font-medium">Token</span>
                    ) : (
                      <Skeleton className="h-4 w-24" />
                    )}
                    <span className="block font-mono text-xs break-all text-muted">{token}</span>
                    {meta && <span className="block text-xs text-muted">{meta.decimals} decimals</span>}
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
      )}

      <Field
        label={demoTokens.length > 0 ? "Or any ERC-20 token's address" : "Token address"}
        hint="Paste it as given (checksummed) or in lower case; the app reads its symbol and decimals."
        error={verdict ?? (readFailed || reading ? undefined : shown("asset", errors.asset))}
      >
        {(control) => (
          <AddressInput
            {...control}
            value={form.asset}
            onChange={(e) => update({ asset: e.target.value })}
            onBlur={touch("asset")}
            data-testid="create-asset-address"
          />
        )}
      </Field>

      <div aria-live="polite" className="min-h-6 text-sm">
        {reading && <span className="text-muted">Reading the token…</span>}
        {readFailed && (
          <span className="flex flex-wrap items-center gap-2">
            <span className="text-red-700 dark:text-red-400">{errors.asset}</span>
            <button type="button" className="btn-secondary" onClick={onRetry}>
              Retry
            </button>
          </span>
        )}
        {asset && !errors.asset && (
          <span data-testid="create-asset-found">
            <span className="font-medium">{asset.symbol}</span>, {asset.decimals} decimals. Every amount of this
            MetaPool will be in {asset.symbol}.
          </span>
        )}
      </div>
    </div>
  );
}
