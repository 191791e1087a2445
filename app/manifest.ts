import type { MetadataRoute } from "next";

/** The web app manifest (/manifest.webmanifest): name, colours and the icons in public/. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Canopy",
    short_name: "Canopy",
    description: "Immutable MetaPools for on-chain cover.",
    start_url: "/",
    display: "standalone",
    background_color: "#f8faf8",
    theme_color: "#15803d",
    icons: [
      { src: "/icon.svg", type: "image/svg+xml", sizes: "any" },
      { src: "/icon-192.png", type: "image/png", sizes: "192x192" },
      { src: "/icon-512.png", type: "image/png", sizes: "512x512" },
    ],
  };
}
