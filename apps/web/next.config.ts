import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";
import { parseEnv } from "./src/env-schema";
import { serviceWorkerHeaders, staticSecurityHeaders } from "./src/lib/security-headers";

// Fail at build and at start, with a message naming the variable, not at the first request.
parseEnv(process.env);

const here = dirname(fileURLToPath(import.meta.url));

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The generated Convex API lives in the repository's top-level convex/ folder.
  outputFileTracingRoot: join(here, "../.."),
  experimental: { externalDir: true },
  // Metadata (title, description, Open Graph) in <head> for every client, not streamed into the
  // body when the page's shell is ready first: Next streams it to browsers it does not list as
  // bots, and a fast page (sign-in) then had its description in <body>, where crawlers and
  // Lighthouse do not look. The pages' metadata needs only the request headers, so nothing waits.
  htmlLimitedBots: /.*/,
  // Linting is its own task (`pnpm lint`, the root flat config); the build only compiles.
  eslint: { ignoreDuringBuilds: true },
  // The per-response Content-Security-Policy (nonce) is set by src/middleware.ts.
  headers() {
    return Promise.resolve([
      { source: "/:path*", headers: staticSecurityHeaders(process.env.NODE_ENV === "production") },
      { source: "/sw.js", headers: serviceWorkerHeaders() },
    ]);
  },
};

export default config;
