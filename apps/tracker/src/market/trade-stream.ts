// Live trades for a changing set of symbols over one combined-stream WebSocket (the `ws` package,
// the exchange's real protocol): SUBSCRIBE / UNSUBSCRIBE with ids (paced under the exchange's 10
// messages a second), pongs to the server's pings (ws answers them), a reconnect with backoff
// after any drop and before the 24 h limit, trades older than the last seen per symbol dropped
// (out-of-order frames), and a "gap" signal whenever trades may have been missed (reconnect, a
// symbol gone quiet) so the tracker catches up from klines.
import { WebSocket, type RawData } from "ws";
import { z } from "zod";

export type Trade = {
  symbol: string;
  price: number;
  time: number;
  id: number;
  eventTime: number;
  receivedAt: number;
};

export type TradeStreamEvents = {
  trade: (trade: Trade) => void;
  /** Trades of these symbols since `since` may be missing: catch up. */
  gap: (symbols: string[], since: number) => void;
  connected: () => void;
  disconnected: (reason: string) => void;
};

const ZAggTrade = z.object({
  stream: z.string(),
  data: z.object({
    e: z.literal("aggTrade"),
    E: z.number(),
    s: z.string(),
    a: z.number(),
    p: z.string(),
    T: z.number(),
  }),
});

const STREAMS_PER_MESSAGE = 100;
const MESSAGE_GAP_MS = 250; // 4 requests a second: well under the limit of 10
const RECONNECT_BEFORE_MS = 23 * 60 * 60 * 1000 + 50 * 60 * 1000; // before the 24 h cut
const MAX_BACKOFF_MS = 15_000;

export type TradeStreamOptions = {
  wsUrl: string;
  staleMs: number;
  /** No frame at all for this long: the socket is presumed dead and replaced. */
  silentMs?: number;
};

export class TradeStream {
  private ws: WebSocket | undefined;
  private readonly symbols = new Set<string>();
  private readonly lastTradeId = new Map<string, number>();
  private readonly lastTradeAt = new Map<string, number>();
  private readonly outbox: { method: "SUBSCRIBE" | "UNSUBSCRIBE"; params: string[] }[] = [];
  private nextId = 1;
  private pump: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private ageTimer: NodeJS.Timeout | undefined;
  private lastFrameAt = 0;
  private disconnectedAt: number | undefined;
  private attempts = 0;
  private stopped = false;
  connected = false;
  outOfOrderDropped = 0;

  constructor(
    private readonly options: TradeStreamOptions,
    private readonly on: TradeStreamEvents,
  ) {}

  start(): void {
    this.stopped = false;
    this.open();
    this.watchdog = setInterval(() => this.checkStale(), Math.min(1_000, this.options.staleMs / 4));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.watchdog);
    clearInterval(this.pump);
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.ageTimer);
    const ws = this.ws;
    this.ws = undefined;
    if (ws !== undefined && ws.readyState !== WebSocket.CLOSED) {
      await new Promise<void>((resolve) => {
        ws.once("close", () => resolve());
        ws.terminate();
      });
    }
  }

  /** Follow exactly these symbols (upper case). */
  setSymbols(wanted: Iterable<string>): void {
    const next = new Set(wanted);
    const added = [...next].filter((s) => !this.symbols.has(s));
    const removed = [...this.symbols].filter((s) => !next.has(s));
    for (const s of removed) {
      this.symbols.delete(s);
      this.lastTradeAt.delete(s);
    }
    const now = Date.now();
    for (const s of added) {
      this.symbols.add(s);
      this.lastTradeAt.set(s, now);
    }
    if (this.connected) {
      this.queue("UNSUBSCRIBE", removed);
      this.queue("SUBSCRIBE", added);
    }
  }

  private open(): void {
    const ws = new WebSocket(`${this.options.wsUrl}/stream`);
    this.ws = ws;
    ws.on("open", () => {
      this.connected = true;
      this.attempts = 0;
      this.lastFrameAt = Date.now();
      this.outbox.length = 0;
      this.queue("SUBSCRIBE", [...this.symbols]);
      this.pump = setInterval(() => this.flush(), MESSAGE_GAP_MS);
      this.flush();
      this.ageTimer = setTimeout(
        () => ws.close(1000, "renewing before the 24 h limit"),
        RECONNECT_BEFORE_MS,
      );
      this.on.connected();
      if (this.disconnectedAt !== undefined && this.symbols.size > 0)
        this.on.gap([...this.symbols], this.disconnectedAt);
      this.disconnectedAt = undefined;
    });
    ws.on("message", (data) => this.receive(data));
    ws.on("close", (code) => this.closed(ws, `closed ${code}`));
    ws.on("error", (error) => this.closed(ws, error.message));
  }

  private closed(ws: WebSocket, reason: string): void {
    if (this.ws !== ws) return;
    this.ws = undefined;
    clearInterval(this.pump);
    clearTimeout(this.ageTimer);
    if (this.connected) {
      this.connected = false;
      this.disconnectedAt = this.lastFrameAt || Date.now();
      this.on.disconnected(reason);
    }
    ws.removeAllListeners();
    ws.on("error", () => undefined);
    ws.terminate();
    if (this.stopped) return;
    const backoff =
      Math.min(MAX_BACKOFF_MS, 250 * 2 ** this.attempts++) * (0.5 + Math.random() / 2);
    this.reconnectTimer = setTimeout(() => this.open(), backoff);
  }

  private queue(method: "SUBSCRIBE" | "UNSUBSCRIBE", names: string[]): void {
    const streams = names.map((s) => `${s.toLowerCase()}@aggTrade`);
    for (let i = 0; i < streams.length; i += STREAMS_PER_MESSAGE) {
      this.outbox.push({ method, params: streams.slice(i, i + STREAMS_PER_MESSAGE) });
    }
  }

  private flush(): void {
    const next = this.outbox.shift();
    if (next === undefined || this.ws?.readyState !== WebSocket.OPEN) return;
    this.ws.send(JSON.stringify({ ...next, id: this.nextId++ }));
  }

  private receive(data: RawData): void {
    const receivedAt = Date.now();
    this.lastFrameAt = receivedAt;
    const text = Array.isArray(data)
      ? Buffer.concat(data).toString("utf8")
      : Buffer.from(data as Buffer).toString("utf8");
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return;
    }
    const parsed = ZAggTrade.safeParse(body);
    if (!parsed.success) return; // request results ({result, id}) and errors
    const { s: symbol, a: id, p, T: time, E: eventTime } = parsed.data.data;
    if (!this.symbols.has(symbol)) return;
    const last = this.lastTradeId.get(symbol) ?? 0;
    if (id <= last) {
      this.outOfOrderDropped++;
      return;
    }
    this.lastTradeId.set(symbol, id);
    this.lastTradeAt.set(symbol, receivedAt);
    this.on.trade({ symbol, price: Number(p), time, id, eventTime, receivedAt });
  }

  private checkStale(): void {
    if (!this.connected) return;
    const now = Date.now();
    if (
      this.options.silentMs !== undefined &&
      this.symbols.size > 0 &&
      now - this.lastFrameAt > this.options.silentMs
    ) {
      this.ws?.terminate(); // presumed dead: reconnect (and the gap is caught up)
      return;
    }
    const stale: string[] = [];
    let since = now;
    for (const symbol of this.symbols) {
      const at = this.lastTradeAt.get(symbol) ?? now;
      if (now - at > this.options.staleMs) {
        stale.push(symbol);
        since = Math.min(since, at);
        this.lastTradeAt.set(symbol, now); // one catch-up per stale period
      }
    }
    if (stale.length === 0) return;
    // Re-subscribing repairs a subscription the server forgot; klines fill what was missed.
    this.queue("UNSUBSCRIBE", stale);
    this.queue("SUBSCRIBE", stale);
    this.on.gap(stale, since);
  }
}
