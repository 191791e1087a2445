"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useAccount } from "wagmi";

import { TxProgress } from "@/components/tx/TxProgress";
import { useOpenConnectModal } from "@/components/wallet/connectModal";
import { ErrorState } from "@/components/ui/States";
import { useCreateMetaPool } from "@/hooks/actions/create";
import { deployment } from "@/lib/deployment";
import {
  CREATE_STEPS,
  buildCreateParams,
  checkAssetAddress,
  createdMetaPool,
  defaultCreateForm,
  stepIssue,
  validateCreateForm,
  type CreateForm,
  type CreateStepId,
} from "@/lib/forms/createMetaPool";

import { ArbiterStep } from "./steps/ArbiterStep";
import { AssetStep } from "./steps/AssetStep";
import { CurveStep } from "./steps/CurveStep";
import { DescribeStep } from "./steps/DescribeStep";
import { PoolsStep } from "./steps/PoolsStep";
import { ReviewStep } from "./steps/ReviewStep";
import { TermsStep } from "./steps/TermsStep";
import type { StepProps } from "./types";
import { useAssetInfo } from "@/hooks/useAssetInfo";

const DRAFT_KEY = "canopy:create-draft";

/**
 * The create-MetaPool wizard: seven steps over one form that is kept (and saved as a draft for the
 * tab) while the creator moves back and forth; each step says why it cannot be left yet; the last
 * one sends the factory call and opens the new MetaPool.
 */
export function CreateWizard() {
  const router = useRouter();
  const { address: creator, isConnected } = useAccount();
  const openConnectModal = useOpenConnectModal();
  const flow = useCreateMetaPool();

  const [form, setForm] = useState<CreateForm>(() => defaultCreateForm(deployment?.demoTokens[0] ?? ""));
  const [stepIndex, setStepIndex] = useState(0);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  // Steps the creator tried to leave: every error on them is shown, touched or not.
  const [attempted, setAttempted] = useState<ReadonlySet<CreateStepId>>(new Set());
  const [createdAt, setCreatedAt] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const restored = useRef(false);

  // The draft survives a reload of the tab (not the browser): sessionStorage, read after hydration.
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    try {
      const saved = sessionStorage.getItem(DRAFT_KEY);
      if (saved) setForm({ ...defaultCreateForm(), ...(JSON.parse(saved) as Partial<CreateForm>) });
    } catch {
      // A corrupt draft is dropped; the defaults stand.
    }
  }, []);
  useEffect(() => {
    if (!restored.current) return;
    try {
      sessionStorage.setItem(DRAFT_KEY, JSON.stringify(form));
    } catch {
      // Storage full or disabled: the wizard still works, only the draft is not kept.
    }
  }, [form]);

  const assetAddress = checkAssetAddress(form.asset);
  const assetQuery = useAssetInfo(assetAddress.ok ? assetAddress.value : undefined);
  const verdict = assetQuery.data;
  const asset = verdict?.ok ? verdict.value : undefined;
  const assetError = assetQuery.isError
    ? "Could not read this token from the network. Check your connection and retry."
    : verdict && !verdict.ok
      ? verdict.error
      : undefined;

  const errors = useMemo(
    () => validateCreateForm(form, { asset, assetError, creator }),
    [form, asset, assetError, creator],
  );

  const step = CREATE_STEPS[stepIndex]!;
  const issue = stepIssue(step.id, errors);
  // The furthest step reachable: every step before it is complete.
  const reachable = useMemo(() => {
    let i = 0;
    while (i < CREATE_STEPS.length - 1 && !stepIssue(CREATE_STEPS[i]!.id, errors)) i++;
    return i;
  }, [errors]);

  const { status: flowStatus, reset: resetFlow } = flow;
  const update = useCallback(
    (patch: Partial<CreateForm>) => {
      setForm((f) => ({ ...f, ...patch }));
      // A failed attempt's message no longer describes the edited form.
      if (flowStatus === "failed") resetFlow();
    },
    [flowStatus, resetFlow],
  );
  const touch = useCallback((field: string) => () => setTouched((t) => (t.has(field) ? t : new Set(t).add(field))), []);
  const shown = (field: string, error: string | undefined) =>
    error && (touched.has(field) || attempted.has(step.id)) ? error : undefined;

  const goToIndex = (index: number) => {
    // The parameters being signed stay on screen until the transaction settles.
    if (flowStatus === "running") return;
    setStepIndex(index);
    // The new step's heading takes focus so keyboard and screen-reader users land on it.
    requestAnimationFrame(() => headingRef.current?.focus());
  };
  const goTo = (id: CreateStepId) => goToIndex(CREATE_STEPS.findIndex((s) => s.id === id));
  const next = () => {
    if (issue) {
      setAttempted((a) => new Set(a).add(step.id));
      return;
    }
    goToIndex(Math.min(stepIndex + 1, CREATE_STEPS.length - 1));
  };
  const back = () => goToIndex(Math.max(stepIndex - 1, 0));

  if (!deployment) {
    return (
      <ErrorState
        title="Canopy is not deployed on this network"
        detail="Switch the app to a network with a MetaPool factory to create a MetaPool."
      />
    );
  }
  const factory = deployment.metaPoolFactory;

  const stepProps: StepProps = { form, errors, update, shown, touch, asset, creator, goTo };
  const params = step.id === "review" && asset && !issue ? buildCreateParams(form, asset, creator) : undefined;

  const submitBlocked = !isConnected
    ? "Connect a wallet to create the MetaPool."
    : issue
      ? issue
      : flow.status === "running"
        ? "Creating…"
        : createdAt
          ? "Created."
          : undefined;

  const submit = async () => {
    if (!params || !asset) return;
    const receipt = await flow.run(params, asset);
    if (!receipt) return;
    const address = createdMetaPool(receipt.logs, factory);
    try {
      sessionStorage.removeItem(DRAFT_KEY);
    } catch {
      // Nothing to clean up.
    }
    if (address) {
      setCreatedAt(address);
      router.push(`/metapool/${address}`);
    } else {
      setCreatedAt("");
    }
  };

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Create a MetaPool</h1>
        <p className="max-w-prose text-muted">
          Choose the asset, describe what is covered, name the coverage pools, pick the arbiter and price the cover.
          Every parameter is fixed for ever at creation, so you review all of them before you sign.
        </p>
      </header>

      <nav aria-label="Steps">
        <ol className="flex gap-1 overflow-x-auto pb-1 sm:gap-2">
          {CREATE_STEPS.map((s, i) => {
            const done = i < reachable;
            const current = i === stepIndex;
            return (
              <li key={s.id} className="min-w-0 flex-1">
                <button
                  type="button"
                  onClick={() => goToIndex(i)}
                  disabled={i > reachable || flowStatus === "running"}
                  aria-current={current ? "step" : undefined}
                  data-testid={`create-step-${s.id}`}
                  className={`flex w-full flex-col items-start gap-1 border-t-4 pt-2 text-left text-xs disabled:cursor-not-allowed disabled:opacity-50 ${
                    current ? "border-green-600 font-semibold" : done ? "border-green-600/50" : "border-border"
                  }`}
                >
                  <span className="text-muted">
                    {i + 1}
                    {done && !current ? " ✓" : ""}
                  </span>
                  <span className="hidden sm:block">{s.title}</span>
                </button>
              </li>
            );
          })}
        </ol>
        <p className="mt-2 text-sm text-muted sm:hidden">
          Step {stepIndex + 1} of {CREATE_STEPS.length}: {step.title}
        </p>
      </nav>

      <section aria-labelledby="create-step-heading" className="space-y-6">
        <h2 id="create-step-heading" ref={headingRef} tabIndex={-1} className="sr-only">
          Step {stepIndex + 1} of {CREATE_STEPS.length}: {step.title}
        </h2>

        {step.id === "asset" && (
          <AssetStep
            {...stepProps}
            reading={assetQuery.isFetching && !verdict}
            verdict={verdict && !verdict.ok ? verdict.error : undefined}
            readFailed={assetQuery.isError}
            onRetry={() => void assetQuery.refetch()}
          />
        )}
        {step.id === "describe" && <DescribeStep {...stepProps} />}
        {step.id === "pools" && <PoolsStep {...stepProps} />}
        {step.id === "arbiter" && <ArbiterStep {...stepProps} />}
        {step.id === "curve" && <CurveStep {...stepProps} />}
        {step.id === "terms" && <TermsStep {...stepProps} />}
        {step.id === "review" &&
          (params && asset ? (
            <ReviewStep params={params} asset={asset} creator={creator} goTo={goTo}>
              <TxProgress flow={flow} onRetry={() => void submit()} />
              {createdAt === "" && (
                <p className="text-sm">
                  The MetaPool was created, but its address was not found in the receipt.{" "}
                  <Link className="underline" href="/">
                    Find it on Explore
                  </Link>
                  .
                </p>
              )}
              {createdAt && <p className="text-sm text-muted">Created. Opening your MetaPool…</p>}
              <div className="flex flex-wrap items-center gap-3">
                {!isConnected && openConnectModal ? (
                  <button type="button" className="btn-primary" onClick={openConnectModal}>
                    Connect a wallet
                  </button>
                ) : (
                  <button
                    type="button"
                    className="btn-primary"
                    disabled={Boolean(submitBlocked)}
                    aria-describedby={submitBlocked ? "create-submit-reason" : undefined}
                    onClick={() => void submit()}
                    data-testid="create-submit"
                  >
                    {flow.status === "running" ? "Creating…" : "Create MetaPool"}
                  </button>
                )}
                {submitBlocked && (
                  <span id="create-submit-reason" className="text-sm text-muted">
                    {submitBlocked}
                  </span>
                )}
              </div>
            </ReviewStep>
          ) : (
            <p className="card text-sm">
              Not ready for review yet: {issue ?? "the asset is still being read."}
            </p>
          ))}
      </section>

      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-border pt-4">
          <button
            type="button"
            className="btn-secondary"
            onClick={back}
            disabled={stepIndex === 0 || flow.status === "running"}
            data-testid="create-back"
          >
            Back
          </button>
          {step.id !== "review" && (
            <div className="flex flex-wrap items-center justify-end gap-3">
              {issue && (
                <span id="create-next-reason" className="text-sm text-muted" aria-live="polite">
                  {issue}
                </span>
              )}
              <button
                type="button"
                className="btn-primary aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
                onClick={next}
                aria-disabled={Boolean(issue)}
                aria-describedby={issue ? "create-next-reason" : undefined}
                data-testid="create-next"
              >
                Next: {CREATE_STEPS[stepIndex + 1]!.title}
              </button>
            </div>
          )}
      </div>
    </div>
  );
}
