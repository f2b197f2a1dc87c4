// Control routes: the REST request log and the gateway event log.
import { z } from "zod";
import type { ControlRoute } from "../types.js";

const ZLogQuery = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(20_000).default(1000),
});

export const logRoutes: ControlRoute[] = [
  {
    method: "GET",
    template: "/requests",
    handler: ({ core, query }) => {
      const { since, limit } = ZLogQuery.parse(Object.fromEntries(query));
      return { status: 200, body: core.requestLog.list(since, limit) };
    },
  },
  {
    method: "DELETE",
    template: "/requests",
    handler: ({ core }) => {
      core.requestLog.clear();
      return { status: 204 };
    },
  },
  {
    method: "GET",
    template: "/events",
    handler: ({ core, query }) => {
      const { since, limit } = ZLogQuery.parse(Object.fromEntries(query));
      return { status: 200, body: core.gatewayLog.list(since, limit) };
    },
  },
];
