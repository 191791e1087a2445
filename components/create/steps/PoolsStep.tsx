"use client";

import { MAX_DESCRIPTION_BYTES, MAX_NAME_BYTES, MAX_POOLS } from "@/lib/forms/createMetaPool";

import { StepIntro, TextField } from "../fields";
import type { StepProps } from "../types";

/** Step 3: the protocols covered, 1 to 16, each a coverage pool with its own cover token and rate. */
export function PoolsStep({ form, errors, update, shown, touch }: StepProps) {
  const pools = form.pools;
  const setPool = (index: number, patch: Partial<(typeof pools)[number]>) =>
    update({ pools: pools.map((p, i) => (i === index ? { ...p, ...patch } : p)) });
  const remove = (index: number) => update({ pools: pools.filter((_, i) => i !== index) });
  const add = () => update({ pools: [...pools, { name: "", description: "" }] });

  return (
    <div className="space-y-5">
      <StepIntro title="Coverage pools">
        Each coverage pool protects one protocol. All pools are backed by the same capital; each has its own cover
        token, utilisation and funding rate, and a valid claim on one pool closes only that pool&apos;s cover.
      </StepIntro>
      <ol className="space-y-4">
        {pools.map((pool, i) => (
          <li key={i} className="card space-y-3" aria-label={`Coverage pool ${i + 1}`}>
            <div className="flex items-center justify-between gap-2">
              <h3 className="font-medium">Pool {i + 1}</h3>
              <button
                type="button"
                className="btn-secondary"
                onClick={() => remove(i)}
                disabled={pools.length === 1}
                aria-label={`Remove pool ${i + 1}${pool.name.trim() ? ` (${pool.name.trim()})` : ""}`}
                title={pools.length === 1 ? "A MetaPool needs at least one coverage pool" : undefined}
              >
                Remove
              </button>
            </div>
            <TextField
              label={`Pool ${i + 1} name`}
              value={pool.name}
              onChange={(name) => setPool(i, { name })}
              onBlur={touch(`pool-${i}-name`)}
              max={MAX_NAME_BYTES}
              placeholder={i === 0 ? "Aave v3" : "Compound v3"}
              error={shown(`pool-${i}-name`, errors[`pools.${i}.name`])}
            />
            <TextField
              label={`Pool ${i + 1} description (optional)`}
              multiline
              rows={2}
              value={pool.description}
              onChange={(description) => setPool(i, { description })}
              onBlur={touch(`pool-${i}-description`)}
              max={MAX_DESCRIPTION_BYTES}
              placeholder="Which contracts and chains are covered."
              error={shown(`pool-${i}-description`, errors[`pools.${i}.description`])}
            />
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className="btn-secondary"
          onClick={add}
          disabled={pools.length >= MAX_POOLS}
          data-testid="create-add-pool"
        >
          Add a coverage pool
        </button>
        <span className="text-sm text-muted">
          {pools.length} of at most {MAX_POOLS}
        </span>
      </div>
      {errors.pools && <p className="text-sm font-medium text-red-700 dark:text-red-400">{errors.pools}</p>}
    </div>
  );
}
