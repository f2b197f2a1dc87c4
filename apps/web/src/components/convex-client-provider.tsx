"use client";

import { ConvexAuthNextjsProvider } from "@convex-dev/auth/nextjs";
import { ConvexReactClient } from "convex/react";
import type { ReactNode } from "react";

// Read by its literal name so Next inlines it; next.config.ts has checked it at build and at start.
// Importing "@/env" here would ship zod to the browser for one URL.
const convex = new ConvexReactClient(process.env.NEXT_PUBLIC_CONVEX_URL ?? "");

/** One WebSocket to Convex for the live pages, authenticated from the Convex Auth cookie. */
export function ConvexClientProvider({ children }: { children: ReactNode }) {
  return <ConvexAuthNextjsProvider client={convex}>{children}</ConvexAuthNextjsProvider>;
}
