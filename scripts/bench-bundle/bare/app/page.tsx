"use client";

import { ConnectButton } from "@rainbow-me/rainbowkit";

export default function Page() {
  return (
    <main>
      <h1>Bare</h1>
      <ConnectButton />
    </main>
  );
}
