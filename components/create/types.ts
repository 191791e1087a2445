import type { Address } from "viem";

import type { AssetInfo, CreateForm, CreateFormErrors, CreateStepId } from "@/lib/forms/createMetaPool";

/** What every step of the wizard receives: the one form, its errors, and how to change it. */
export interface StepProps {
  form: CreateForm;
  errors: CreateFormErrors;
  update: (patch: Partial<CreateForm>) => void;
  /** The field's error once the creator has left the field (or tried to move on); undefined before. */
  shown: (field: string, error: string | undefined) => string | undefined;
  touch: (field: string) => () => void;
  /** The asset once read and accepted. */
  asset?: AssetInfo;
  creator?: Address;
  goTo: (step: CreateStepId) => void;
}
