import type { EmulatorCore } from "../core.js";
import type { GatewayServer } from "../gateway/server.js";

export type ControlContext = {
  core: EmulatorCore;
  gateway: GatewayServer;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The JSON body ({} when empty); throws SyntaxError on invalid JSON. */
  json: () => Promise<unknown>;
};

export type ControlResult = { status: number; body?: unknown };

export type ControlRoute = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  template: string;
  handler: (ctx: ControlContext) => Promise<ControlResult> | ControlResult;
};

export const param = (ctx: ControlContext, name: string): string => ctx.params[name] ?? "";
