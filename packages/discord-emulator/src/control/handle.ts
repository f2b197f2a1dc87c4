// The control API (/_control/...): JSON in, JSON out, zod-validated. See README "Control API".
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { EmulatorCore } from "../core.js";
import { DiscordApiError } from "../errors.js";
import type { GatewayServer } from "../gateway/server.js";
import { BodyTooLargeError, readBody } from "../http/body.js";
import { sendEmpty, sendJson } from "../http/respond.js";
import { matchSegments } from "../rest/router.js";
import { faultRoutes } from "./routes/faults.js";
import { guildRoutes } from "./routes/guilds.js";
import { logRoutes } from "./routes/logs.js";
import { messageRoutes } from "./routes/messages.js";
import { worldRoutes } from "./routes/world.js";
import type { ControlRoute } from "./types.js";

const controlRoutes: ControlRoute[] = [
  ...worldRoutes,
  ...messageRoutes,
  ...guildRoutes,
  ...faultRoutes,
  ...logRoutes,
];

export async function handleControl(
  core: EmulatorCore,
  gateway: GatewayServer,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  url: URL,
): Promise<void> {
  const method = req.method ?? "GET";
  let pathMatched = false;
  for (const route of controlRoutes) {
    const params = matchSegments(
      route.template.split("/").filter(Boolean),
      path.split("/").filter(Boolean),
    );
    if (!params) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const json = async (): Promise<unknown> => {
      const raw = await readBody(req, core.world.settings.maxRequestBytes * 2);
      if (raw.length === 0) return {};
      return JSON.parse(raw.toString("utf8")) as unknown;
    };
    try {
      const result = await route.handler({ core, gateway, params, query: url.searchParams, json });
      if (result.body === undefined) sendEmpty(res, result.status);
      else sendJson(res, result.status, result.body);
    } catch (error) {
      sendControlError(res, error);
    }
    return;
  }
  sendJson(res, pathMatched ? 405 : 404, {
    error: pathMatched ? "method not allowed" : "unknown control route",
  });
}

function sendControlError(res: ServerResponse, error: unknown): void {
  if (error instanceof z.ZodError)
    return sendJson(res, 400, { error: "invalid request", issues: error.issues });
  if (error instanceof SyntaxError) return sendJson(res, 400, { error: "body is not valid JSON" });
  if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: "body too large" });
  if (error instanceof DiscordApiError)
    return sendJson(res, error.status, { error: error.message, ...error.toBody() });
  sendJson(res, 500, { error: String(error) });
}
