import Link from "next/link";

import { NavLinks } from "@/components/layout/NavLinks";
import { HeaderWallet } from "@/components/wallet/HeaderWallet";

export function Header() {
  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Canopy
        </Link>
        {/* The wallet button's height is kept while it loads so the page below does not move. */}
        <div className="ml-auto flex min-h-10 items-center sm:order-last">
          <HeaderWallet />
        </div>
        <NavLinks />
      </div>
    </header>
  );
}
