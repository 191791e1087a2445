"use client";

import { ConnectButton } from "@rainbow-me/rainbowkit";

/** Shown instead of account-specific content while no wallet is connected. */
export function ConnectPrompt({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="card flex flex-col items-center gap-3 py-8 text-center">
      <p className="font-medium">{title}</p>
      <p className="max-w-prose text-sm text-muted">{children}</p>
      <ConnectButton label="Connect a wallet" accountStatus="address" chainStatus="none" showBalance={false} />
    </div>
  );
}
