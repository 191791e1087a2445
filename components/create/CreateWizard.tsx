"use client";

import { useRouter } from "next/navigation";
import { useCallback, useMemo, useRef, useState } from "react";
import { useAccount } from "wagmi";

import { ErrorState } from "@/components/ui/States";
import { useOpenConnectModal } from "@/components/wallet/connectModal";
import { useCreateMetaPool } from "@/hooks/actions/create";
import { useAssetInfo } from "@/hooks/useAssetInfo";
import { useCreateDraft } from "@/hooks/useCreateDraft";
import { useMetaPoolNames } from "@/hooks/useMetaPoolNames";
import { deployment } from "@/lib/deployment";
import {
  buildCreateParams,
  checkAssetAddress,
  CREATE_STEPS,
  createdMetaPool,
  stepIssue,
  validateCreateForm,
  type CreateForm,
  type CreateStepId,
} from "@/lib/forms/createMetaPool";

import { StepNav } from "./StepNav";
import { ArbiterStep } from "./steps/ArbiterStep";
import { AssetStep } from "./steps/AssetStep";
import { CurveStep } from "./steps/CurveStep";
import { DescribeStep } from "./steps/DescribeStep";
import { PoolsStep } from "./steps/PoolsStep";
import { ReviewStep } from "./steps/ReviewStep";
import { TermsStep } from "./steps/TermsStep";
import { SubmitPanel } from "./SubmitPanel";
import type { StepProps } from "./types";
import { WizardFooter } from "./WizardFooter";

/**
 * The create-MetaPool wizard: seven steps over one form that is kept (and saved as a draft for the
 * tab) while the creator moves back and forth; each step shows its problems next to their fields;
 * the last one sends the factory call and opens the new MetaPool.
 */
export function CreateWizard() {
  const router = useRouter();
  const { address: creator, isConnected } = useAccount();
  const openConnectModal = useOpenConnectModal();
  const flow = useCreateMetaPool();

  const { form, setForm, clearDraft } = useCreateDraft(deployment?.demoTokens[0] ?? "");
  const [stepIndex, setStepIndex] = useState(0);
  const [visited, setVisited] = useState<ReadonlySet<number>>(new Set([0]));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  // Steps the creator tried to leave: every error on them is shown, touched or not.
  const [attempted, setAttempted] = useState<ReadonlySet<CreateStepId>>(new Set());
  const [createdAt, setCreatedAt] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stepRef = useRef<HTMLElement>(null);

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
  // Asked only while the name step shows (one indexer request per settled name).
  const existingNames = useMetaPoolNames(form.name, step.id === "describe");
  const issue = stepIssue(step.id, errors);
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
    [flowStatus, resetFlow, setForm],
  );
  const touch = useCallback((field: string) => () => setTouched((t) => (t.has(field) ? t : new Set(t).add(field))), []);
  const shown = (field: string, error: string | undefined) =>
    error && (touched.has(field) || attempted.has(step.id)) ? error : undefined;

  const goToIndex = (index: number) => {
    // The parameters being signed stay on screen until the transaction settles.
    if (flowStatus === "running") return;
    setStepIndex(index);
    setVisited((v) => (v.has(index) ? v : new Set(v).add(index)));
    // The new step's heading takes focus so keyboard and screen-reader users land on it.
    requestAnimationFrame(() => headingRef.current?.focus());
  };
  const goTo = (id: CreateStepId) => goToIndex(CREATE_STEPS.findIndex((s) => s.id === id));
  const next = () => {
    if (issue) {
      setAttempted((a) => new Set(a).add(step.id));
      // Every error now shows next to its field: focus the first one so it is read out.
      requestAnimationFrame(() => stepRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    goToIndex(Math.min(stepIndex + 1, CREATE_STEPS.length - 1));
  };

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
    : (issue ?? (flow.status === "running" ? "Creating…" : createdAt ? "Created." : undefined));

  const submit = async () => {
    if (!params || !asset) return;
    const receipt = await flow.run(params, asset);
    if (!receipt) return;
    const address = createdMetaPool(receipt.logs, factory);
    clearDraft();
    setCreatedAt(address ?? "");
    if (address) router.push(`/metapool/${address}`);
  };

  return (
    <div className="min-w-0 space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Create a MetaPool</h1>
        <p className="max-w-prose text-muted">
          Choose the asset, describe what is covered, name the coverage pools, pick the arbiter and price the cover.
          Every parameter is fixed for ever at creation, so you review all of them before you sign.
        </p>
      </header>

      <StepNav
        stepIndex={stepIndex}
        reachable={reachable}
        visited={visited}
        locked={flowStatus === "running"}
        onGo={goToIndex}
      />

      <section ref={stepRef} aria-labelledby="create-step-heading" className="space-y-6">
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
        {step.id === "describe" && <DescribeStep {...stepProps} existingNames={existingNames} />}
        {step.id === "pools" && <PoolsStep {...stepProps} />}
        {step.id === "arbiter" && <ArbiterStep {...stepProps} />}
        {step.id === "curve" && <CurveStep {...stepProps} />}
        {step.id === "terms" && <TermsStep {...stepProps} />}
        {step.id === "review" &&
          (params && asset ? (
            <ReviewStep params={params} asset={asset} creator={creator} goTo={goTo}>
              <SubmitPanel
                flow={flow}
                isConnected={isConnected}
                openConnectModal={openConnectModal}
                blocked={submitBlocked}
                createdAt={createdAt}
                onSubmit={() => void submit()}
              />
            </ReviewStep>
          ) : (
            <p className="card text-sm">Not ready for review yet: {issue ?? "the asset is still being read."}</p>
          ))}
      </section>

      <WizardFooter
        canGoBack={stepIndex > 0 && flow.status !== "running"}
        nextTitle={step.id === "review" ? undefined : CREATE_STEPS[stepIndex + 1]!.title}
        issue={issue}
        showIssue={attempted.has(step.id)}
        onBack={() => goToIndex(Math.max(stepIndex - 1, 0))}
        onNext={next}
      />
    </div>
  );
}
