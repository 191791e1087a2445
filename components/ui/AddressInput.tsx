import type { InputHTMLAttributes } from "react";

/** A text input for an 0x address: monospace, no autocomplete or spell check to mangle it. */
export function AddressInput(props: Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  return <input className="input font-mono" autoComplete="off" spellCheck={false} placeholder="0x…" {...props} />;
}
