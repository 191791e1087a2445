"use client";

import { MAX_NAME_BYTES, MAX_STATEMENT_BYTES, nameTakenWarning, type ExistingName } from "@/lib/forms/createMetaPool";

import { StepIntro, TextField, Warning } from "../fields";
import type { StepProps } from "../types";

/** Step 2: the MetaPool's name and its protection statement, the text the arbiter rules by. */
export function DescribeStep({
  form,
  errors,
  update,
  shown,
  touch,
  existingNames = [],
}: StepProps & { existingNames?: readonly ExistingName[] }) {
  const taken = nameTakenWarning(form.name, existingNames);
  return (
    <div className="space-y-5">
      <StepIntro title="Describe">
        Seekers and underwriters choose your MetaPool by its name and its protection statement. The arbiter rules on
        every claim by the statement alone, so say plainly what counts as a valid claim and what does not.
      </StepIntro>
      <TextField
        label="MetaPool name"
        value={form.name}
        onChange={(name) => update({ name })}
        onBlur={touch("name")}
        max={MAX_NAME_BYTES}
        placeholder="Blue-chip lending"
        error={shown("name", errors.name)}
      />
      {taken && <Warning>{taken}</Warning>}
      <TextField
        label="Protection statement"
        multiline
        rows={8}
        value={form.protectionStatement}
        onChange={(protectionStatement) => update({ protectionStatement })}
        onBlur={touch("protectionStatement")}
        max={MAX_STATEMENT_BYTES}
        hint="What incidents pay, what is excluded, and how an incident is proven."
        placeholder="Pays when a listed lending market suffers an exploit, an oracle failure or bad debt that permanently takes suppliers' funds… Liquidations working as designed and front-end phishing are not covered."
        error={shown("protectionStatement", errors.protectionStatement)}
      />
    </div>
  );
}
