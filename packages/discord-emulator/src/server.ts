// The HTTP server: routes each request to health, control, OAuth2, REST, CDN or the HTML view,
// and WebSocket upgrades on /gateway to the gateway.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { serveAttachment } from "./cdn.js";
import { handleControl } from "./control/handle.js";
import type { EmulatorCore } from "./core.js";
import { GatewayServer } from "./gateway/server.js";
import { renderWorldHtml } from "./html-view.js";
import { sendJson, sendText } from "./http/respond.js";
import { safeEqual } from "./oauth2/grants.js";
import { handleAuthorize } from "./oauth2/authorize.js";
import { handleRevoke, handleToken } from "./oauth2/token.js";
import { handleRest } from "./rest/handle.js";
import { restRoutes } from "./rest/route-table.js";
import { Router } from "./rest/router.js";

export type ServerOptions = { controlToken?: string };

const API_PREFIX = /^\/api(?:\/v(\d+))?(\/.*)?$/;

export function createEmulatorServer(
  core: EmulatorCore,
  options: ServerOptions = {},
): { server: Server; gateway: GatewayServer } {
  const router = new Router(restRoutes);
  const gateway = new GatewayServer(core);
  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      core.logger.error("request_failed", { url: req.url, error: String(error) });
      if (!res.headersSent) sendJson(res, 500, { message: "500: Internal Server Error", code: 0 });
      else res.destroy();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = req.method ?? "GET";
    const path = url.pathname;

    if (path === "/_health")
      return sendJson(res, 200, { ok: true, guilds: core.world.guilds.size });
    if (path.startsWith("/_control/")) {
      if (!controlAuthorized(req, options.controlToken))
        return sendJson(res, 401, {
          error: "control token required (Authorization: Bearer <token>)",
        });
      return handleControl(core, gateway, req, res, path.slice("/_control".length), url);
    }
    if (
      path === "/oauth2/authorize" ||
      path === "/api/oauth2/authorize" ||
      /^\/api\/v\d+\/oauth2\/authorize$/.test(path)
    ) {
      if (method !== "GET")
        return sendJson(res, 405, { message: "405: Method Not Allowed", code: 0 });
      return handleAuthorize(core, url, res);
    }
    const api = API_PREFIX.exec(path);
    if (api) {
      const sub = api[2] ?? "/";
      if (sub === "/oauth2/token" && method === "POST")
        return logOAuth(req, "/oauth2/token", () => handleToken(core, req, res));
      if (sub === "/oauth2/token/revoke" && method === "POST")
        return logOAuth(req, "/oauth2/token/revoke", () => handleRevoke(core, req, res));
      if (sub === "/gateway" && method === "GET")
        return sendJson(res, 200, { url: core.gatewayUrl });
      return handleRest(core, router, req, res, sub, url);
    }
    if (path.startsWith("/attachments/") && (method === "GET" || method === "HEAD")) {
      if (serveAttachment(method, url, core.cdn, (id) => core.world.attachments.get(id), res))
        return;
    }
    if (path === "/" && method === "GET")
      return sendText(
        res,
        200,
        renderWorldHtml(core.world, url.searchParams.get("channel")),
        "text/html; charset=utf-8",
      );
    sendJson(res, 404, { message: "404: Not Found", code: 0 });
  }

  async function logOAuth(
    req: IncomingMessage,
    route: string,
    run: () => Promise<number>,
  ): Promise<void> {
    const started = performance.now();
    const status = await run();
    core.requestLog.push({
      time: new Date().toISOString(),
      method: req.method ?? "POST",
      path: route,
      route: `POST ${route}`,
      status,
      actor: null,
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
    });
  }

  server.on("upgrade", (req, socket, head) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== "/gateway" && path !== "/") {
      socket.end("HTTP/1.1 404 Not Found\r\n\r\n");
      return;
    }
    gateway.handleUpgrade(req, socket, head);
  });
  return { server, gateway };
}

function controlAuthorized(req: IncomingMessage, token: string | undefined): boolean {
  if (!token) return true;
  const header = req.headers.authorization ?? "";
  const given = header.toLowerCase().startsWith("bearer ")
    ? header.slice(7).trim()
    : (req.headers["x-control-token"] ?? "");
  return typeof given === "string" && safeEqual(given, token);
}
