import { ConvexAuthNextjsServerProvider } from "@convex-dev/auth/nextjs/server";
import type { ReactNode } from "react";
import { ConvexClientProvider } from "./convex-client-provider";

/**
 * The live connection to Convex (one WebSocket, authenticated from the Convex Auth cookie) for the
 * pages that need it: the signed-in app (the sign-in forms post to the auth proxy themselves,
 * lib/sign-in.ts). Each of those route segments' own
 * layout.tsx wraps its pages in this; the public pages (landing, pricing, legal texts) are rendered
 * on the server and ship no Convex client, which is most of what a visitor's phone would otherwise
 * download, parse and run before the page settles (docs/performance.md "Lighthouse").
 */
export function LiveAppLayout({ children }: { children: ReactNode }) {
  return (
    <ConvexAuthNextjsServerProvider shouldHandleCode={false}>
      <ConvexClientProvider>{children}</ConvexClientProvider>
    </ConvexAuthNextjsServerProvider>
  );
}
