// GET /gateway/bot: where discord.js opens its WebSocket. (Unauthenticated GET /gateway is served
// in server.ts, before the authenticated REST pipeline.)
import type { RouteDef } from "../types.js";

export const gatewayRoutes: RouteDef[] = [
  {
    method: "GET",
    template: "/gateway/bot",
    auth: "bot",
    handler: (ctx) => ({
      status: 200,
      body: {
        url: ctx.core.gatewayUrl,
        shards: 1,
        session_start_limit: ctx.core.sessionStarts.limit(ctx.actor.userId),
      },
    }),
  },
];
