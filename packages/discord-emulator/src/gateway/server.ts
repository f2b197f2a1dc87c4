// Gateway v10 over WebSocket (JSON, no compression): HELLO → IDENTIFY/RESUME → dispatches,
// heartbeats, request-guild-members, plus the fault actions the control API triggers.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { z } from "zod";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import type { EmulatorCore } from "../core.js";
import type { GatewayLogEntry } from "../request-log.js";
import { apiMember } from "../world/serialize.js";
import { fanOut } from "./fanout.js";
import { ALL_INTENTS, CloseCode, Intent, Op, PRIVILEGED_INTENTS } from "./opcodes.js";
import { guildCreatePayload, readyPayload } from "./payloads.js";
import { GatewaySession } from "./session.js";

const ZFrame = z.object({ op: z.number().int(), d: z.unknown().optional() });
const ZIdentify = z.looseObject({
  token: z.string(),
  intents: z.number().int().nonnegative(),
  large_threshold: z.number().int().min(50).max(250).optional(),
  shard: z.tuple([z.number().int(), z.number().int()]).optional(),
});
const ZResume = z.object({
  token: z.string(),
  session_id: z.string(),
  seq: z.number().int().nullable(),
});
const ZRequestMembers = z.looseObject({
  guild_id: z.string(),
  query: z.string().optional(),
  limit: z.number().int().nonnegative().optional(),
  user_ids: z.union([z.string(), z.array(z.string())]).optional(),
  nonce: z.string().optional(),
});

export type GatewayAction =
  | { kind: "reconnect" }
  | { kind: "invalid_session"; resumable: boolean }
  | { kind: "close"; code: number }
  | { kind: "drop" };

type Connection = {
  ws: WebSocket;
  session: GatewaySession | null;
  /** Discord allows 120 client frames per 60 s per connection; more closes with 4008. */
  frames: { count: number; windowStart: number };
};

const FRAME_LIMIT = 120;
const FRAME_WINDOW_MS = 60_000;

export class GatewayServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 * 1024 });
  private readonly sessions = new Map<string, GatewaySession>();
  private readonly connections = new Set<Connection>();
  private readonly sweepTimer: NodeJS.Timeout;

  constructor(private readonly core: EmulatorCore) {
    core.onWorldEvent((event) => fanOut(core, this.sessions.values(), event));
    core.onReset(() => this.dropEverything(CloseCode.UnknownError));
    this.sweepTimer = setInterval(() => this.sweep(), 10_000);
    this.sweepTimer.unref();
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, req));
  }

  /** Applies a gateway fault action to every live session of `botId` (or all bots). Returns how many. */
  act(action: GatewayAction, botId?: string): number {
    let affected = 0;
    for (const conn of [...this.connections]) {
      const session = conn.session;
      if (!session || (botId && session.botId !== botId)) continue;
      affected += 1;
      this.logEvent(session, "fault", { action });
      switch (action.kind) {
        case "reconnect":
          this.sendOp(conn.ws, Op.Reconnect, null);
          break;
        case "invalid_session":
          if (!action.resumable) {
            this.sessions.delete(session.id);
            conn.session = null;
          }
          this.sendOp(conn.ws, Op.InvalidSession, action.resumable);
          break;
        case "close":
          conn.ws.close(action.code, "emulator fault");
          break;
        case "drop":
          conn.ws.terminate();
          break;
      }
    }
    return affected;
  }

  liveSessions(): { sessionId: string; botId: string; seq: number; connected: boolean }[] {
    return [...this.sessions.values()].map((s) => ({
      sessionId: s.id,
      botId: s.botId,
      seq: s.seq,
      connected: s.socket !== null,
    }));
  }

  async close(): Promise<void> {
    clearInterval(this.sweepTimer);
    this.dropEverything(1001);
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  // ---- connection lifecycle --------------------------------------------------------------------

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? "/", "http://localhost");
    const conn: Connection = { ws, session: null, frames: { count: 0, windowStart: Date.now() } };
    this.connections.add(conn);
    ws.on("close", (code) => this.onClose(conn, code));
    ws.on("error", () => ws.terminate());
    const encoding = url.searchParams.get("encoding") ?? "json";
    const version = url.searchParams.get("v") ?? "10";
    if (encoding !== "json" || url.searchParams.has("compress")) {
      ws.close(CloseCode.DecodeError, "Only encoding=json without compression is supported");
      return;
    }
    if (version !== "10") {
      ws.close(CloseCode.InvalidApiVersion, "Invalid API version");
      return;
    }
    ws.on("message", (data, isBinary) => this.onMessage(conn, data, isBinary));
    this.sendOp(ws, Op.Hello, {
      heartbeat_interval: this.core.world.settings.heartbeatIntervalMs,
      _trace: ["discord-emulator"],
    });
  }

  private onClose(conn: Connection, code: number): void {
    this.connections.delete(conn);
    const session = conn.session;
    if (!session || session.socket !== conn.ws) return;
    session.socket = null;
    session.disconnectedAt = Date.now();
    this.logEvent(session, "close", { code });
  }

  private onMessage(conn: Connection, data: RawData, isBinary: boolean): void {
    if (isBinary) return conn.ws.close(CloseCode.DecodeError, "Binary frames are not supported");
    const now = Date.now();
    if (now - conn.frames.windowStart >= FRAME_WINDOW_MS)
      conn.frames = { count: 0, windowStart: now };
    conn.frames.count += 1;
    if (conn.frames.count > FRAME_LIMIT)
      return conn.ws.close(CloseCode.RateLimited, "Rate limited.");
    let frame: z.infer<typeof ZFrame>;
    try {
      frame = ZFrame.parse(JSON.parse(rawToString(data)));
    } catch {
      return conn.ws.close(CloseCode.DecodeError, "Error while decoding payload");
    }
    switch (frame.op) {
      case Op.Heartbeat:
        return this.onHeartbeat(conn);
      case Op.Identify:
        return this.onIdentify(conn, frame.d);
      case Op.Resume:
        return this.onResume(conn, frame.d);
      case Op.RequestGuildMembers:
        return this.onRequestMembers(conn, frame.d);
      case Op.PresenceUpdate:
      case Op.VoiceStateUpdate:
        if (!conn.session) return conn.ws.close(CloseCode.NotAuthenticated, "Not authenticated");
        return;
      default:
        return conn.ws.close(CloseCode.UnknownOpcode, "Unknown opcode");
    }
  }

  private onHeartbeat(conn: Connection): void {
    const session = conn.session;
    if (session && this.core.faults.takeStopAck(session.botId)) {
      this.logEvent(session, "heartbeat_ack_skipped");
      return;
    }
    this.sendOp(conn.ws, Op.HeartbeatAck, null);
  }

  private onIdentify(conn: Connection, d: unknown): void {
    if (conn.session) return conn.ws.close(CloseCode.AlreadyAuthenticated, "Already authenticated");
    const parsed = ZIdentify.safeParse(d);
    if (!parsed.success) return conn.ws.close(CloseCode.DecodeError, "Invalid IDENTIFY payload");
    const identify = parsed.data;
    const app = this.core.world.botByToken(identify.token);
    if (!app) return conn.ws.close(CloseCode.AuthenticationFailed, "Authentication failed");
    if ((identify.intents & ~ALL_INTENTS) !== 0)
      return conn.ws.close(CloseCode.InvalidIntents, "Invalid intent(s)");
    for (const [name, bit] of Object.entries(PRIVILEGED_INTENTS)) {
      const allowed = app.privilegedIntents.some((p) => p === name);
      if ((identify.intents & bit) === bit && !allowed)
        return conn.ws.close(CloseCode.DisallowedIntents, "Disallowed intent(s)");
    }
    if (identify.shard && (identify.shard[1] !== 1 || identify.shard[0] !== 0))
      return conn.ws.close(
        CloseCode.InvalidShard,
        "Invalid shard (the emulator runs a single shard)",
      );

    const settings = this.core.world.settings;
    const session = new GatewaySession(
      app,
      identify.intents,
      identify.large_threshold ?? 50,
      settings.resumeBufferSize,
    );
    this.sessions.set(session.id, session);
    conn.session = session;
    session.socket = conn.ws;
    this.core.sessionStarts.record(session.botId);
    this.logEvent(session, "identify", { intents: identify.intents });
    session.dispatch("READY", readyPayload(this.core, session));
    for (const guild of this.core.world.guildsOf(session.botId))
      session.dispatch("GUILD_CREATE", guildCreatePayload(this.core, session, guild));
  }

  private onResume(conn: Connection, d: unknown): void {
    const parsed = ZResume.safeParse(d);
    if (!parsed.success) return conn.ws.close(CloseCode.DecodeError, "Invalid RESUME payload");
    const { token, session_id, seq } = parsed.data;
    const app = this.core.world.botByToken(token);
    if (!app) return conn.ws.close(CloseCode.AuthenticationFailed, "Authentication failed");
    const session = this.sessions.get(session_id);
    const replay = session && session.botId === app.bot.id ? session.replayAfter(seq ?? 0) : null;
    if (!session || !replay) {
      this.core.gatewayLog.push({
        time: new Date().toISOString(),
        botId: app.bot.id,
        sessionId: session_id,
        kind: "invalid_session",
        detail: { reason: "unknown session or seq" },
      });
      if (session) this.sessions.delete(session.id);
      conn.session = null;
      this.sendOp(conn.ws, Op.InvalidSession, false);
      return;
    }
    const previous = session.socket;
    if (previous && previous !== conn.ws)
      previous.close(CloseCode.SessionTimedOut, "Session resumed elsewhere");
    conn.session = session;
    session.socket = conn.ws;
    session.disconnectedAt = null;
    for (const entry of replay) session.send(entry);
    this.logEvent(session, "resume", { fromSeq: seq, replayed: replay.length });
    session.dispatchUnbuffered("RESUMED", { _trace: ["discord-emulator"] });
    this.logEvent(session, "resumed");
  }

  private onRequestMembers(conn: Connection, d: unknown): void {
    const session = conn.session;
    if (!session) return conn.ws.close(CloseCode.NotAuthenticated, "Not authenticated");
    const parsed = ZRequestMembers.safeParse(d);
    if (!parsed.success)
      return conn.ws.close(CloseCode.DecodeError, "Invalid REQUEST_GUILD_MEMBERS payload");
    const req = parsed.data;
    const guild = this.core.world.guilds.get(req.guild_id);
    if (!guild || !guild.members.has(session.botId)) return;
    const wantsAll = !req.user_ids && (req.query ?? "") === "";
    if (wantsAll && !session.hasIntent(Intent.GuildMembers))
      return conn.ws.close(
        CloseCode.DisallowedIntents,
        "Requesting all members needs the GuildMembers intent",
      );
    const ids =
      req.user_ids === undefined
        ? null
        : Array.isArray(req.user_ids)
          ? req.user_ids
          : [req.user_ids];
    const query = (req.query ?? "").toLowerCase();
    let members = [...guild.members.values()].filter((m) =>
      ids
        ? ids.includes(m.userId)
        : (this.core.world.users.get(m.userId)?.username ?? "").toLowerCase().startsWith(query),
    );
    if (req.limit && req.limit > 0) members = members.slice(0, req.limit);
    const notFound = ids ? ids.filter((id) => !guild.members.has(id)) : [];
    session.dispatch("GUILD_MEMBERS_CHUNK", {
      guild_id: guild.id,
      members: members.map((m) => apiMember(this.core.world, m)),
      chunk_index: 0,
      chunk_count: 1,
      ...(notFound.length ? { not_found: notFound } : {}),
      ...(req.nonce ? { nonce: req.nonce } : {}),
    });
  }

  // ---- helpers -----------------------------------------------------------------------------

  private sendOp(ws: WebSocket, op: number, d: unknown): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ op, d, s: null, t: null }));
  }

  private logEvent(
    session: GatewaySession,
    kind: GatewayLogEntry["kind"],
    detail?: Record<string, unknown>,
  ): void {
    this.core.gatewayLog.push({
      time: new Date().toISOString(),
      botId: session.botId,
      sessionId: session.id,
      kind,
      seq: session.seq,
      detail,
    });
    this.core.logger.info("gateway_event", {
      kind,
      botId: session.botId,
      sessionId: session.id,
      ...detail,
    });
  }

  private dropEverything(code: number): void {
    for (const conn of this.connections) conn.ws.close(code, "emulator reset");
    this.sessions.clear();
  }

  private sweep(): void {
    const ttl = this.core.world.settings.sessionTtlMs;
    const now = Date.now();
    for (const [id, session] of this.sessions)
      if (session.disconnectedAt !== null && now - session.disconnectedAt > ttl)
        this.sessions.delete(id);
  }
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString("utf8");
  return data.toString("utf8");
}
