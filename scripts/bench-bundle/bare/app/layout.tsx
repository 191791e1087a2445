import "@rainbow-me/rainbowkit/styles.css";

import type { ReactNode } from "react";

import { Providers } from "./providers";

// The baseline `npm run bench:bundle` compares every Canopy route with: a bare Next page with wagmi and RainbowKit.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
