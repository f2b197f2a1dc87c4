import type { IncomingMessage } from "node:http";
import type { EmulatorCore } from "../core.js";
import type { Grant } from "../oauth2/grants.js";
import type { ApplicationRecord } from "../world/types.js";

export type Actor =
  | { kind: "bot"; userId: string; app: ApplicationRecord }
  | { kind: "bearer"; userId: string; grant: Grant };

export type RestContext = {
  req: IncomingMessage;
  core: EmulatorCore;
  params: Record<string, string>;
  query: URLSearchParams;
  actor: Actor;
  /** Decoded X-Audit-Log-Reason, if sent. */
  auditReason: string | null;
  body: () => Promise<RequestBody>;
};

export type RequestBody =
  | { kind: "empty" }
  | { kind: "json"; value: unknown }
  | { kind: "form"; value: URLSearchParams }
  | { kind: "multipart"; value: FormData };

export type RestResult = { status: number; body?: unknown };

export type AuthMode = "bot" | "bearer" | "any";

export type RouteDef = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path template after /api/v10, e.g. "/channels/:channel_id/messages". */
  template: string;
  auth: AuthMode;
  handler: (ctx: RestContext) => Promise<RestResult> | RestResult;
};

export type BotActor = Extract<Actor, { kind: "bot" }>;
