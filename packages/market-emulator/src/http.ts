// HTTP side of the emulator: the klines REST endpoints (futures /fapi/v1 and spot /api/v3
// shapes), ping and time, a health check, and the control API under /_control.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { z } from "zod";
import { INTERVAL_MS } from "./candles.js";
import type { Market } from "./market.js";
import {
  DEFAULT_CONNECTION_SETTINGS,
  NO_FAULTS,
  ZConnectionSettings,
  ZFaults,
  type ConnectionSettings,
  type Faults,
} from "./settings.js";
import { formatPrice, klineRow } from "./streams.js";
import { isValidSymbol } from "./symbols.js";
import type { MarketSocketServer } from "./ws-server.js";

const ZStep = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("move"),
    to: z.number().positive(),
    durationMs: z.number().int().min(0).max(86_400_000),
  }),
  z.object({ type: z.literal("gap"), to: z.number().positive() }),
  z.object({ type: z.literal("halt"), durationMs: z.number().int().min(0).max(86_400_000) }),
  z.object({ type: z.literal("hold"), durationMs: z.number().int().min(0).max(86_400_000) }),
]);
export const ZScript = z.object({
  steps: z.array(ZStep).min(1).max(1_000),
  replace: z.boolean().default(false),
});
export const ZDisconnect = z.object({ mode: z.enum(["close", "terminate"]).default("terminate") });
export const ZRestFailures = z.object({
  count: z.number().int().min(0).max(10_000),
  status: z.union([z.literal(429), z.literal(503)]).default(503),
});

const LIMITS = { futures: { fallback: 500, max: 1500 }, spot: { fallback: 500, max: 1000 } };

type State = {
  settings: ConnectionSettings;
  faults: Faults;
  restFailures: { count: number; status: 429 | 503 };
};

export function createMarketHttpServer(
  market: Market,
  sockets: () => MarketSocketServer,
  controlToken: string | undefined,
): { server: Server; state: State } {
  const state: State = {
    settings: { ...DEFAULT_CONNECTION_SETTINGS },
    faults: { ...NO_FAULTS },
    restFailures: { count: 0, status: 503 },
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof z.ZodError || error instanceof SyntaxError) {
        json(res, 400, { error: "invalid control request", issues: String(error) });
      } else json(res, 500, { code: -1000, msg: error instanceof Error ? error.message : "error" });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname;
    if (path === "/_health") return json(res, 200, { ok: true });
    if (path.startsWith("/_control/")) return control(req, res, path.slice("/_control".length));
    if (req.method !== "GET") return json(res, 405, { code: -1000, msg: "Method not allowed" });
    if (path === "/fapi/v1/ping" || path === "/api/v3/ping") return json(res, 200, {});
    if (path === "/fapi/v1/time" || path === "/api/v3/time") {
      return json(res, 200, { serverTime: market.now() });
    }
    if (path === "/fapi/v1/klines" || path === "/api/v3/klines") {
      if (state.restFailures.count > 0) {
        state.restFailures.count--;
        const headers: Record<string, string> =
          state.restFailures.status === 429 ? { "retry-after": "1" } : {};
        return json(
          res,
          state.restFailures.status,
          { code: -1003, msg: "Injected failure." },
          headers,
        );
      }
      return klines(res, url, path.startsWith("/fapi") ? LIMITS.futures : LIMITS.spot);
    }
    if (path === "/fapi/v1/ticker/price" || path === "/api/v3/ticker/price") {
      const symbol = url.searchParams.get("symbol") ?? "";
      if (!isValidSymbol(symbol)) return json(res, 400, { code: -1121, msg: "Invalid symbol." });
      return json(res, 200, {
        symbol,
        price: formatPrice(symbol, market.price(symbol)),
        time: market.now(),
      });
    }
    return json(res, 404, { code: -1000, msg: "Not found" });
  }

  function klines(res: ServerResponse, url: URL, limits: { fallback: number; max: number }): void {
    const symbol = url.searchParams.get("symbol") ?? "";
    if (!isValidSymbol(symbol)) return json(res, 400, { code: -1121, msg: "Invalid symbol." });
    const interval = url.searchParams.get("interval") ?? "";
    const intervalMs = INTERVAL_MS[interval];
    if (intervalMs === undefined) return json(res, 400, { code: -1120, msg: "Invalid interval." });
    const limit = Number(url.searchParams.get("limit") ?? limits.fallback);
    if (!Number.isInteger(limit) || limit < 1 || limit > limits.max) {
      return json(res, 400, { code: -1130, msg: "Data sent for parameter 'limit' is not valid." });
    }
    const startParam = url.searchParams.get("startTime");
    const endParam = url.searchParams.get("endTime");
    const start = startParam === null ? undefined : Number(startParam);
    const end = endParam === null ? market.now() : Number(endParam);
    if ((start !== undefined && !Number.isFinite(start)) || !Number.isFinite(end)) {
      return json(res, 400, { code: -1100, msg: "Illegal characters found in a parameter." });
    }
    const rows = market
      .klines(symbol, intervalMs, start, end, limit)
      .map((c) => klineRow(symbol, intervalMs, c));
    json(res, 200, rows);
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (controlToken !== undefined && req.headers.authorization !== `Bearer ${controlToken}`) {
      return json(res, 401, { error: "control token required" });
    }
    const body = req.method === "POST" ? await readJson(req) : undefined;
    const symbolRoute = /^\/symbols\/([A-Z0-9]+)\/(script|price)$/.exec(path);
    if (req.method === "GET" && path === "/state") {
      return json(res, 200, {
        symbols: market.list(),
        connections: sockets().connectionCount,
        framesSent: sockets().framesSent,
        framesDropped: sockets().framesDropped,
        settings: state.settings,
        faults: state.faults,
      });
    }
    if (symbolRoute !== null) {
      const [, symbol = "", what] = symbolRoute;
      if (!isValidSymbol(symbol)) return json(res, 400, { error: "invalid symbol" });
      if (what === "price" && req.method === "GET") {
        return json(res, 200, { symbol, price: market.price(symbol) });
      }
      if (what === "script" && req.method === "POST") {
        const script = ZScript.parse(body);
        market.script(symbol, script.steps, script.replace);
        return json(res, 200, { symbol, price: market.price(symbol) });
      }
    }
    if (req.method === "POST" && path === "/settings") {
      state.settings = ZConnectionSettings.parse({ ...state.settings, ...asObject(body) });
      sockets().updateSettings(state.settings);
      return json(res, 200, state.settings);
    }
    if (req.method === "POST" && path === "/faults") {
      state.faults = ZFaults.parse({ ...state.faults, ...asObject(body) });
      sockets().updateFaults(state.faults);
      return json(res, 200, state.faults);
    }
    if (req.method === "POST" && path === "/rest-failures") {
      state.restFailures = ZRestFailures.parse(body);
      return json(res, 200, state.restFailures);
    }
    if (req.method === "POST" && path === "/disconnect") {
      const { mode } = ZDisconnect.parse(body ?? {});
      return json(res, 200, { disconnected: sockets().disconnectAll(mode) });
    }
    if (req.method === "POST" && path === "/reset") {
      market.clearScripts();
      state.faults = { ...NO_FAULTS };
      state.settings = { ...DEFAULT_CONNECTION_SETTINGS };
      state.restFailures = { count: 0, status: 503 };
      sockets().updateFaults(state.faults);
      sockets().updateSettings(state.settings);
      return json(res, 200, { ok: true });
    }
    return json(res, 404, { error: "unknown control route" });
  }

  return { server, state };
}

function asObject(body: unknown): Record<string, unknown> {
  return typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > 1_000_000) throw new Error("control body too large");
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  return text.length === 0 ? undefined : (JSON.parse(text) as unknown);
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  res
    .writeHead(status, { "content-type": "application/json", ...headers })
    .end(JSON.stringify(body));
}
