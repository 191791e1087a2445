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
        {/* The connect button renders only once hydrated: its height is kept so the page below does not move. */}
        <div className="ml-auto flex min-h-10 items-center sm:order-last">
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
