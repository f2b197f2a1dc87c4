import type { MetadataRoute } from "next";

/** The web app manifest (/manifest.webmanifest): what makes the dashboard installable. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/feed",
    name: "G3netic Crypto Signals",
    short_name: "G3netic",
    description: "Live crypto trading signals for members, with notifications on your phone.",
    start_url: "/feed",
    scope: "/",
    display: "standalone",
    background_color: "#09090b",
    theme_color: "#09090b",
    icons: [
      { src: "/icons/192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
