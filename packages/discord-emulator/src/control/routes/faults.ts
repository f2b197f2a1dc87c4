// Control routes: REST and gateway fault injection, gateway actions and sessions.
import { param as p, type ControlRoute } from "../types.js";
import { ZControlGatewayAction, ZGatewayFaultInput, ZRestFaultInput } from "../schemas.js";

export const faultRoutes: ControlRoute[] = [
  {
    method: "GET",
    template: "/faults",
    handler: ({ core }) => ({ status: 200, body: core.faults.list() }),
  },
  {
    method: "POST",
    template: "/faults/rest",
    handler: async ({ core, json }) => ({
      status: 201,
      body: core.faults.addRest(ZRestFaultInput.parse(await json())),
    }),
  },
  {
    method: "POST",
    template: "/faults/gateway",
    handler: async ({ core, json }) => ({
      status: 201,
      body: core.faults.addGateway(ZGatewayFaultInput.parse(await json())),
    }),
  },
  {
    method: "DELETE",
    template: "/faults",
    handler: ({ core }) => {
      core.faults.clear();
      return { status: 204 };
    },
  },
  {
    method: "DELETE",
    template: "/faults/:fault_id",
    handler: (ctx) =>
      ctx.core.faults.remove(p(ctx, "fault_id"))
        ? { status: 204 }
        : { status: 404, body: { error: "unknown fault id" } },
  },
  {
    method: "POST",
    template: "/gateway/actions",
    handler: async ({ gateway, json }) => {
      const input = ZControlGatewayAction.parse(await json());
      const affected =
        input.action === "invalid_session"
          ? gateway.act({ kind: "invalid_session", resumable: input.resumable }, input.botId)
          : input.action === "close"
            ? gateway.act({ kind: "close", code: input.code }, input.botId)
            : gateway.act({ kind: input.action }, input.botId);
      return { status: 200, body: { affected } };
    },
  },
  {
    method: "GET",
    template: "/gateway/sessions",
    handler: ({ gateway }) => ({ status: 200, body: gateway.liveSessions() }),
  },
];
