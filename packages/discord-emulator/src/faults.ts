// Fault injection: REST faults (status, 429 storms, delays, hangs) matched by method + route
// pattern + bot, and gateway faults (unACKed heartbeats). One-shot gateway actions (op 7, op 9,
// close, drop) are executed directly by the gateway (see gateway/server.ts).
import { randomUUID } from "node:crypto";
import { z } from "zod";

export const ZRestFaultInput = z
  .object({
    kind: z.enum(["status", "ratelimit", "delay", "hang"]),
    /** HTTP method, e.g. "POST"; omitted = any. */
    method: z.string().toUpperCase().optional(),
    /** Path pattern after /api/v10: ":name" or "*" match one segment, "**" the rest. Omitted = any. */
    route: z.string().startsWith("/").optional(),
    /** Only requests by this bot user id (or OAuth user id for Bearer calls). */
    botId: z.string().optional(),
    status: z.number().int().min(400).max(599).default(500),
    body: z.unknown().optional(),
    retryAfterMs: z.number().int().nonnegative().default(1000),
    global: z.boolean().default(false),
    /** X-RateLimit-Scope of a non-global injected 429 ("shared" = a shared resource limit). */
    scope: z.enum(["user", "shared"]).default("user"),
    /** Send the Retry-After header (discord.js needs it; false reproduces instant-retry behaviour). */
    retryAfterHeader: z.boolean().default(true),
    delayMs: z.number().int().nonnegative().default(0),
    /** How many matching requests to affect; omitted = until cleared. */
    count: z.number().int().positive().optional(),
    /** Active for this long after it is added (an outage or a 429 storm of a given length). */
    durationMs: z.number().int().positive().optional(),
    probability: z.number().min(0).max(1).default(1),
  })
  .strict();

export const ZGatewayFaultInput = z
  .object({
    kind: z.literal("stop_acks"),
    botId: z.string().optional(),
    /** Heartbeats to leave unanswered; omitted = until cleared. */
    count: z.number().int().positive().optional(),
    /** Active for this long after it is added. */
    durationMs: z.number().int().positive().optional(),
  })
  .strict();

export type TRestFaultInput = z.input<typeof ZRestFaultInput>;
export type TGatewayFaultInput = z.input<typeof ZGatewayFaultInput>;
type FaultState = {
  id: string;
  hits: number;
  remaining: number | null;
  /** Epoch ms after which the fault no longer applies (from `durationMs`); null = no end. */
  expiresAt: number | null;
};
export type RestFault = z.output<typeof ZRestFaultInput> & FaultState;
export type GatewayFault = z.output<typeof ZGatewayFaultInput> & FaultState;

export function routePatternMatches(pattern: string, path: string): boolean {
  const want = pattern.split("/").filter(Boolean);
  const have = path.split("/").filter(Boolean);
  for (let i = 0; i < want.length; i += 1) {
    const seg = want[i];
    if (seg === "**") return true;
    const actual = have[i];
    if (actual === undefined) return false;
    if (seg === "*" || seg?.startsWith(":")) continue;
    if (seg !== actual) return false;
  }
  return want.length === have.length;
}

export class FaultRegistry {
  private rest: RestFault[] = [];
  private gateway: GatewayFault[] = [];

  constructor(
    private readonly random: () => number = Math.random,
    private readonly now: () => number = Date.now,
  ) {}

  addRest(input: TRestFaultInput): RestFault {
    const parsed = ZRestFaultInput.parse(input);
    const fault: RestFault = { ...parsed, ...this.initialState(parsed) };
    this.rest.push(fault);
    return fault;
  }

  addGateway(input: TGatewayFaultInput): GatewayFault {
    const parsed = ZGatewayFaultInput.parse(input);
    const fault: GatewayFault = { ...parsed, ...this.initialState(parsed) };
    this.gateway.push(fault);
    return fault;
  }

  /** The first matching REST fault, consumed by one use. */
  takeRest(method: string, path: string, actorId: string | null): RestFault | null {
    this.dropExpired();
    for (const fault of this.rest) {
      if (fault.method && fault.method !== method) continue;
      if (fault.route && !routePatternMatches(fault.route, path)) continue;
      if (fault.botId && fault.botId !== actorId) continue;
      if (fault.probability < 1 && this.random() >= fault.probability) continue;
      return this.consume(fault, this.rest, (list) => (this.rest = list));
    }
    return null;
  }

  /** True when this heartbeat must not be ACKed. */
  takeStopAck(botId: string): boolean {
    this.dropExpired();
    const fault = this.gateway.find(
      (f) => f.kind === "stop_acks" && (!f.botId || f.botId === botId),
    );
    if (!fault) return false;
    this.consume(fault, this.gateway, (list) => (this.gateway = list));
    return true;
  }

  list(): { rest: RestFault[]; gateway: GatewayFault[] } {
    this.dropExpired();
    return { rest: [...this.rest], gateway: [...this.gateway] };
  }

  remove(id: string): boolean {
    const before = this.rest.length + this.gateway.length;
    this.rest = this.rest.filter((f) => f.id !== id);
    this.gateway = this.gateway.filter((f) => f.id !== id);
    return this.rest.length + this.gateway.length < before;
  }

  clear(): void {
    this.rest = [];
    this.gateway = [];
  }

  private initialState(parsed: { count?: number; durationMs?: number }): FaultState {
    return {
      id: randomUUID(),
      hits: 0,
      remaining: parsed.count ?? null,
      expiresAt: parsed.durationMs === undefined ? null : this.now() + parsed.durationMs,
    };
  }

  /** A timed fault ends on its own: a fault schedule needs no clean-up call that could be lost. */
  private dropExpired(): void {
    const now = this.now();
    const live = (fault: FaultState) => fault.expiresAt === null || fault.expiresAt > now;
    this.rest = this.rest.filter(live);
    this.gateway = this.gateway.filter(live);
  }

  private consume<T extends FaultState>(fault: T, list: T[], set: (list: T[]) => void): T {
    fault.hits += 1;
    if (fault.remaining !== null) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) set(list.filter((f) => f.id !== fault.id));
    }
    return fault;
  }
}
