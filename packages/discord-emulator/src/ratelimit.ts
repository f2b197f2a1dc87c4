// Per-route buckets (fixed windows per actor + route + major parameter) and a global per-actor
// limit, answering with Discord's headers so @discordjs/rest throttles itself.
import { createHash } from "node:crypto";
import type { TRateLimitSettings } from "./world/spec.js";

export type RouteLimit = { limit: number; windowMs: number };

/** Documented defaults (README "Rate limits"); overridable per world via settings.rateLimits.routes. */
export const DEFAULT_ROUTE_LIMITS: Record<string, RouteLimit> = {
  "POST /channels/:channel_id/messages": { limit: 5, windowMs: 5_000 },
  "PATCH /channels/:channel_id/messages/:message_id": { limit: 5, windowMs: 5_000 },
  "DELETE /channels/:channel_id/messages/:message_id": { limit: 5, windowMs: 1_000 },
  "POST /channels/:channel_id/messages/bulk-delete": { limit: 1, windowMs: 1_000 },
  "GET /channels/:channel_id/messages": { limit: 5, windowMs: 1_000 },
  "PUT /guilds/:guild_id/members/:user_id/roles/:role_id": { limit: 10, windowMs: 10_000 },
  "DELETE /guilds/:guild_id/members/:user_id/roles/:role_id": { limit: 10, windowMs: 10_000 },
  "PUT /guilds/:guild_id/members/:user_id": { limit: 10, windowMs: 10_000 },
  "*": { limit: 50, windowMs: 1_000 },
};

export type RateLimitDecision = {
  headers: Record<string, string>;
  limited: null | { scope: "user" | "global"; retryAfterMs: number };
};

type Window = { count: number; resetAt: number };

const seconds = (ms: number): string => (Math.max(0, ms) / 1000).toFixed(3);

export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly globals = new Map<string, Window>();
  private checks = 0;

  constructor(private readonly settings: () => TRateLimitSettings) {}

  limitFor(routeKey: string): RouteLimit {
    const s = this.settings();
    return (
      s.routes[routeKey] ??
      DEFAULT_ROUTE_LIMITS[routeKey] ??
      s.routes["*"] ??
      DEFAULT_ROUTE_LIMITS["*"] ?? { limit: 50, windowMs: 1000 }
    );
  }

  static bucketHash(routeKey: string): string {
    return createHash("sha1").update(routeKey).digest("hex").slice(0, 32);
  }

  /** Counts the request when allowed. `actor` is a bot user id or a bearer grant id. */
  check(actor: string, routeKey: string, major: string, now = Date.now()): RateLimitDecision {
    const settings = this.settings();
    if (!settings.enabled) return { headers: {}, limited: null };
    this.sweep(now);

    const global = this.window(this.globals, actor, 1000, now);
    if (global.count >= settings.globalPerSecond) {
      const retryAfterMs = global.resetAt - now;
      return {
        headers: {
          "retry-after": seconds(retryAfterMs),
          "x-ratelimit-global": "true",
          "x-ratelimit-scope": "global",
        },
        limited: { scope: "global", retryAfterMs },
      };
    }

    const { limit, windowMs } = this.limitFor(routeKey);
    const bucket = RateLimiter.bucketHash(routeKey);
    const w = this.window(this.windows, `${actor}|${bucket}|${major}`, windowMs, now);
    const resetAfter = w.resetAt - now;
    const headers: Record<string, string> = {
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-reset": (w.resetAt / 1000).toFixed(3),
      "x-ratelimit-reset-after": seconds(resetAfter),
      "x-ratelimit-bucket": bucket,
    };
    if (w.count >= limit) {
      return {
        headers: {
          ...headers,
          "x-ratelimit-remaining": "0",
          "retry-after": seconds(resetAfter),
          "x-ratelimit-scope": "user",
        },
        limited: { scope: "user", retryAfterMs: resetAfter },
      };
    }
    w.count += 1;
    global.count += 1;
    headers["x-ratelimit-remaining"] = String(limit - w.count);
    return { headers, limited: null };
  }

  reset(): void {
    this.windows.clear();
    this.globals.clear();
  }

  private window(map: Map<string, Window>, key: string, windowMs: number, now: number): Window {
    const existing = map.get(key);
    if (existing && existing.resetAt > now) return existing;
    const fresh = { count: 0, resetAt: now + windowMs };
    map.set(key, fresh);
    return fresh;
  }

  private sweep(now: number): void {
    this.checks += 1;
    if (this.checks % 1000 !== 0) return;
    for (const map of [this.windows, this.globals])
      for (const [k, w] of map) if (w.resetAt <= now) map.delete(k);
  }
}
