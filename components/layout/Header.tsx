import { ConnectButton } from "@rainbow-me/rainbowkit";
import Link from "next/link";

import { NavLinks } from "@/components/layout/NavLinks";

export function Header() {
  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Canopy
        </Link>
        <div className="ml-auto sm:order-last">
          <ConnectButton
            accountStatus={{ smallScreen: "address", largeScreen: "full" }}
            chainStatus={{ smallScreen: "none", largeScreen: "icon" }}
            showBalance={{ smallScreen: false, largeScreen: true }}
          />
        </div>
        <NavLinks />
      </div>
    </header>
  );
}
