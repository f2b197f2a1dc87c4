// The public market WebSocket: raw streams at /ws/<stream>, combined streams at
// /stream?streams=a/b (frames wrapped as {stream, data}), live SUBSCRIBE / UNSUBSCRIBE /
// LIST_SUBSCRIPTIONS with request ids, server pings with a pong deadline, a maximum connection
// age, an incoming-message limit, and the faults set through the control API.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer, type RawData } from "ws";
import { z } from "zod";
import type { Candle } from "./candles.js";
import type { Market, Trade } from "./market.js";
import { hashSeed, mulberry32 } from "@g3/seeded-random";
import type { ConnectionSettings, Faults } from "./settings.js";
import {
  aggTradePayload,
  klinePayload,
  markPricePayload,
  parseStream,
  tradePayload,
  type Stream,
} from "./streams.js";

const ZRequest = z.object({
  method: z.enum([
    "SUBSCRIBE",
    "UNSUBSCRIBE",
    "LIST_SUBSCRIPTIONS",
    "GET_PROPERTY",
    "SET_PROPERTY",
  ]),
  params: z.array(z.unknown()).optional(),
  id: z.union([z.number().int(), z.string().max(64), z.null()]),
});

/** A frame held back by the out-of-order fault is released at the latest after this. */
const HOLD_MAX_MS = 1_000;

type Connection = {
  ws: WebSocket;
  combined: boolean;
  streams: Map<string, Stream>;
  openedAt: number;
  lastPongAt: number;
  lastPingAt: number;
  incoming: number[];
  held: { frame: string; timer: NodeJS.Timeout } | undefined;
  markSentAt: Map<string, number>;
};

export class MarketSocketServer {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly connections = new Set<Connection>();
  private readonly faultRandom: () => number;
  private readonly timers: NodeJS.Timeout[] = [];
  private pingTimer: NodeJS.Timeout | undefined;
  framesSent = 0;
  framesDropped = 0;

  constructor(
    private readonly market: Market,
    private settings: ConnectionSettings,
    private faults: Faults,
    seed: string,
  ) {
    this.faultRandom = mulberry32(hashSeed(`${seed}:faults`));
    market.onTrade((trade, candle) => this.publishTrade(trade, candle));
    this.timers.push(setInterval(() => this.publishMarkPrices(), 250));
    this.timers.push(setInterval(() => this.enforceLimits(), 100));
    this.schedulePings();
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  updateSettings(settings: ConnectionSettings): void {
    this.settings = settings;
    this.schedulePings();
  }

  updateFaults(faults: Faults): void {
    this.faults = faults;
  }

  /** Drops every connection: `close` sends a close frame (1001), `terminate` just cuts the socket. */
  disconnectAll(mode: "close" | "terminate"): number {
    const count = this.connections.size;
    for (const c of this.connections) {
      if (mode === "terminate") c.ws.terminate();
      else c.ws.close(1001, "server going away");
    }
    return count;
  }

  handles(url: string): boolean {
    const path = new URL(url, "http://x").pathname;
    return path === "/ws" || path.startsWith("/ws/") || path === "/stream";
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? "/", "http://x");
    const combined = url.pathname === "/stream";
    const initial = combined
      ? (url.searchParams.get("streams") ?? "").split("/").filter((s) => s.length > 0)
      : url.pathname
          .slice("/ws".length)
          .split("/")
          .filter((s) => s.length > 0);
    const streams = initial.map((name) => parseStream(name));
    if (
      streams.some((s) => s === undefined) ||
      streams.length > this.settings.maxStreamsPerConnection
    ) {
      socket.end(
        "HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\n\r\n" +
          JSON.stringify({ code: -1121, msg: "Invalid stream name." }),
      );
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const now = Date.now();
      const connection: Connection = {
        ws,
        combined,
        streams: new Map(),
        openedAt: now,
        lastPongAt: now,
        lastPingAt: 0,
        incoming: [],
        held: undefined,
        markSentAt: new Map(),
      };
      for (const stream of streams) if (stream !== undefined) this.add(connection, stream);
      this.connections.add(connection);
      ws.on("pong", () => {
        connection.lastPongAt = Date.now();
      });
      ws.on("message", (data) => this.receive(connection, data));
      ws.on("close", () => this.forget(connection));
      ws.on("error", () => this.forget(connection));
    });
  }

  close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    clearInterval(this.pingTimer);
    for (const c of this.connections) c.ws.terminate();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private forget(connection: Connection): void {
    if (connection.held !== undefined) clearTimeout(connection.held.timer);
    this.connections.delete(connection);
  }

  private add(connection: Connection, stream: Stream): void {
    this.market.activate(stream.symbol);
    connection.streams.set(stream.name, stream);
  }

  private receive(connection: Connection, data: RawData): void {
    const now = Date.now();
    connection.incoming = connection.incoming.filter((t) => now - t < 1_000);
    connection.incoming.push(now);
    if (connection.incoming.length > this.settings.maxIncomingPerSecond) {
      connection.ws.close(1008, "too many messages");
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(rawText(data));
    } catch {
      this.reply(connection, { error: { code: 3, msg: "Invalid JSON" }, id: null });
      return;
    }
    const parsed = ZRequest.safeParse(body);
    if (!parsed.success) {
      const id = typeof body === "object" && body !== null && "id" in body ? body.id : null;
      this.reply(connection, { error: { code: 2, msg: "Invalid request" }, id });
      return;
    }
    const { method, params = [], id } = parsed.data;
    switch (method) {
      case "LIST_SUBSCRIPTIONS":
        this.reply(connection, { result: [...connection.streams.keys()], id });
        return;
      case "GET_PROPERTY":
        this.reply(connection, { result: connection.combined, id });
        return;
      case "SET_PROPERTY":
        if (params[0] === "combined" && typeof params[1] === "boolean") {
          connection.combined = params[1];
          this.reply(connection, { result: null, id });
        } else this.reply(connection, { error: { code: 2, msg: "Invalid request" }, id });
        return;
      case "SUBSCRIBE":
      case "UNSUBSCRIBE": {
        const streams = params.map((p) => (typeof p === "string" ? parseStream(p) : undefined));
        const bad = params.find((_p, i) => streams[i] === undefined);
        if (bad !== undefined) {
          this.reply(connection, {
            error: { code: 2, msg: `Invalid request: invalid stream name ${JSON.stringify(bad)}` },
            id,
          });
          return;
        }
        if (method === "SUBSCRIBE") {
          const after = new Set([...connection.streams.keys(), ...params.map(String)]);
          if (after.size > this.settings.maxStreamsPerConnection) {
            this.reply(connection, {
              error: { code: 2, msg: "Invalid request: too many streams" },
              id,
            });
            return;
          }
          for (const s of streams) if (s !== undefined) this.add(connection, s);
        } else {
          for (const s of streams) if (s !== undefined) connection.streams.delete(s.name);
        }
        this.reply(connection, { result: null, id });
        return;
      }
    }
  }

  /** Replies to requests are never subject to faults. */
  private reply(connection: Connection, body: unknown): void {
    if (connection.ws.readyState === WebSocket.OPEN) connection.ws.send(JSON.stringify(body));
  }

  private publishTrade(trade: Trade, candle: Candle): void {
    if (this.connections.size === 0) return;
    const now = Date.now();
    for (const c of this.connections) {
      for (const stream of c.streams.values()) {
        if (stream.symbol !== trade.symbol || stream.kind === "markPrice") continue;
        const data =
          stream.kind === "aggTrade"
            ? aggTradePayload(trade, now)
            : stream.kind === "trade"
              ? tradePayload(trade, now)
              : stream.intervalMs === 60_000 && stream.interval !== undefined
                ? klinePayload(
                    trade.symbol,
                    stream.interval,
                    stream.intervalMs,
                    candle,
                    trade.id,
                    now,
                  )
                : undefined;
        if (data !== undefined) this.send(c, stream, data);
      }
    }
  }

  private publishMarkPrices(): void {
    const now = Date.now();
    for (const c of this.connections) {
      for (const stream of c.streams.values()) {
        if (stream.kind !== "markPrice") continue;
        const last = c.markSentAt.get(stream.name) ?? 0;
        if (now - last < stream.intervalMs) continue;
        const trade = this.market.lastTrade(stream.symbol);
        if (trade === undefined) continue;
        c.markSentAt.set(stream.name, now);
        this.send(c, stream, markPricePayload(stream.symbol, trade.price, now));
      }
    }
  }

  private send(c: Connection, stream: Stream, data: unknown): void {
    if (c.ws.readyState !== WebSocket.OPEN) return;
    if (this.faults.staleSymbols.includes(stream.symbol)) return;
    if (this.faults.dropRate > 0 && this.faultRandom() < this.faults.dropRate) {
      this.framesDropped++;
      return;
    }
    const frame = JSON.stringify(c.combined ? { stream: stream.name, data } : data);
    if (
      c.held === undefined &&
      this.faults.outOfOrderRate > 0 &&
      this.faultRandom() < this.faults.outOfOrderRate
    ) {
      const timer = setTimeout(() => this.release(c), HOLD_MAX_MS);
      c.held = { frame, timer };
      return;
    }
    c.ws.send(frame);
    this.framesSent++;
    this.release(c);
  }

  private release(c: Connection): void {
    if (c.held === undefined) return;
    clearTimeout(c.held.timer);
    const { frame } = c.held;
    c.held = undefined;
    if (c.ws.readyState === WebSocket.OPEN) {
      c.ws.send(frame);
      this.framesSent++;
    }
  }

  private schedulePings(): void {
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      const now = Date.now();
      for (const c of this.connections) {
        if (c.ws.readyState !== WebSocket.OPEN) continue;
        // The deadline runs from the oldest unanswered ping.
        if (c.lastPingAt <= c.lastPongAt) c.lastPingAt = now;
        c.ws.ping();
      }
    }, this.settings.pingIntervalMs);
  }

  private enforceLimits(): void {
    const now = Date.now();
    for (const c of this.connections) {
      const awaitingPong = c.lastPingAt > c.lastPongAt;
      if (awaitingPong && now - c.lastPingAt > this.settings.pongTimeoutMs) c.ws.terminate();
      else if (now - c.openedAt > this.settings.maxConnectionMs)
        c.ws.close(1000, "connection age limit");
    }
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  if (data instanceof ArrayBuffer) return Buffer.from(new Uint8Array(data)).toString("utf8");
  return data.toString("utf8");
}
