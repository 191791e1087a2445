"use client";

import { useOpenConnectModal } from "@/components/wallet/connectModal";

/** Shown instead of account-specific content while no wallet is connected. */
export function ConnectPrompt({ title, children }: { title: string; children: React.ReactNode }) {
  const openConnectModal = useOpenConnectModal();
  return (
    <div className="card flex flex-col items-center gap-3 py-8 text-center">
      <p className="font-medium">{title}</p>
      <p className="max-w-prose text-sm text-muted">{children}</p>
      {openConnectModal && (
        <button type="button" className="btn-primary" onClick={openConnectModal}>
          Connect a wallet
        </button>
      )}
    </div>
  );
}
