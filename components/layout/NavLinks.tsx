"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const routes = [
  { href: "/", label: "Explore" },
  { href: "/create", label: "Create" },
  { href: "/portfolio", label: "Portfolio" },
  { href: "/arbiter", label: "Arbiter" },
  { href: "/how-it-works", label: "How it works" },
] as const;

function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

// Wraps onto its own row below the brand on narrow screens instead of hiding behind a menu.
export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="w-full sm:w-auto">
      <ul className="flex flex-wrap gap-x-1 gap-y-1 text-sm">
        {routes.map(({ href, label }) => {
          const current = isCurrent(pathname, href);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`block rounded-md px-2.5 py-1.5 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-green-600 ${
                  current ? "bg-green-600/15 font-medium" : "text-muted hover:text-foreground"
                }`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
