// The clients' plumbing: the admin-key HTTP client comes from @g3/convex-offline; Node 20 needs the
// `ws` WebSocket class for ConvexClient.
import type { ConvexClient } from "convex/browser";
import WebSocket from "ws";

type ClientOptions = NonNullable<ConstructorParameters<typeof ConvexClient>[1]>;

/** Node 20 has no global WebSocket; the `ws` class is what the Convex client expects. */
export const webSocketConstructor = WebSocket as unknown as ClientOptions["webSocketConstructor"];

export { adminClient, type AdminClient } from "@g3/convex-offline";
