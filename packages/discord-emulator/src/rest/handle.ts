// The REST pipeline: route → auth → injected fault → rate limit → handler → log.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorCore } from "../core.js";
import { DiscordApiError, Errors } from "../errors.js";
import type { RestFault } from "../faults.js";
import { BodyTooLargeError, contentTypeOf, parseMultipart, readBody } from "../http/body.js";
import { sendEmpty, sendJson } from "../http/respond.js";
import { RateLimiter } from "../ratelimit.js";
import type { RequestLogEntry } from "../request-log.js";
import type { Router } from "./router.js";
import type { Actor, RequestBody, RestContext } from "./types.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function authenticate(core: EmulatorCore, header: string | undefined): Actor | null {
  if (!header) return null;
  const space = header.indexOf(" ");
  if (space < 0) return null;
  const scheme = header.slice(0, space).toLowerCase();
  const token = header.slice(space + 1).trim();
  if (scheme === "bot") {
    const app = core.world.botByToken(token);
    return app ? { kind: "bot", userId: app.bot.id, app } : null;
  }
  if (scheme === "bearer") {
    const grant = core.grants.byAccessToken(token);
    if (
      !grant ||
      !core.world.applications.has(grant.applicationId) ||
      !core.world.users.has(grant.userId)
    )
      return null;
    return { kind: "bearer", userId: grant.userId, grant };
  }
  return null;
}

function lazyBody(core: EmulatorCore, req: IncomingMessage): () => Promise<RequestBody> {
  let cached: Promise<RequestBody> | null = null;
  const read = async (): Promise<RequestBody> => {
    const raw = await readBody(req, core.world.settings.maxRequestBytes);
    const type = contentTypeOf(req);
    if (raw.length === 0) return { kind: "empty" };
    if (type === "multipart/form-data") {
      return {
        kind: "multipart",
        value: await parseMultipart(raw, req.headers["content-type"] ?? ""),
      };
    }
    if (type === "application/x-www-form-urlencoded")
      return { kind: "form", value: new URLSearchParams(raw.toString("utf8")) };
    try {
      return { kind: "json", value: JSON.parse(raw.toString("utf8")) as unknown };
    } catch {
      throw Errors.invalidJson();
    }
  };
  return () => (cached ??= read());
}

function faultResponse(
  fault: RestFault,
  limiterHeaders: Record<string, string>,
): { status: number; body: unknown; headers: Record<string, string> } {
  if (fault.kind === "ratelimit") {
    const retry = (fault.retryAfterMs / 1000).toFixed(3);
    const headers: Record<string, string> = fault.global
      ? { "x-ratelimit-global": "true", "x-ratelimit-scope": "global" }
      : { ...limiterHeaders, "x-ratelimit-remaining": "0", "x-ratelimit-scope": fault.scope };
    if (fault.retryAfterHeader) headers["retry-after"] = retry;
    return {
      status: 429,
      body: {
        message: "You are being rate limited.",
        retry_after: Number(retry),
        global: fault.global,
      },
      headers,
    };
  }
  const body = fault.body ?? { message: `${fault.status}: Injected fault`, code: 0 };
  return { status: fault.status, body, headers: {} };
}

export async function handleRest(
  core: EmulatorCore,
  router: Router,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  url: URL,
): Promise<void> {
  const started = performance.now();
  const method = req.method ?? "GET";
  const log: Omit<RequestLogEntry, "id"> = {
    time: new Date().toISOString(),
    method,
    path,
    route: path,
    status: 0,
    actor: null,
    durationMs: 0,
  };
  const finish = (status: number) => {
    log.status = status;
    log.durationMs = Math.round((performance.now() - started) * 1000) / 1000;
    core.requestLog.push(log);
    core.logger.info("rest_request", {
      method,
      route: log.route,
      status,
      actor: log.actor,
      durationMs: log.durationMs,
    });
  };
  const fail = (error: DiscordApiError, headers: Record<string, string> = {}) => {
    sendJson(res, error.status, error.toBody(), headers);
    finish(error.status);
  };

  const match = router.match(method, path);
  if (match === null) return fail(Errors.notFound());
  if (match === "method") return fail(Errors.methodNotAllowed());
  log.route = match.routeKey;

  const actor = authenticate(core, req.headers.authorization);
  const authOk = actor !== null && (match.def.auth === "any" || match.def.auth === actor.kind);
  if (!actor || !authOk) return fail(Errors.unauthorized());
  log.actor = actor.userId;

  const actorKey = actor.kind === "bot" ? actor.userId : `bearer:${actor.grant.id}`;
  const fault = core.faults.takeRest(method, path, actor.userId);
  if (fault) {
    log.fault = `${fault.kind}:${fault.id}`;
    if (fault.kind === "hang") {
      await new Promise<void>((resolve) => res.once("close", () => resolve()));
      return finish(0);
    }
    if (fault.kind === "delay") await sleep(fault.delayMs);
    else {
      const bucket = RateLimiter.bucketHash(match.routeKey);
      const limit = core.limiter.limitFor(match.routeKey);
      const resetAfter = (fault.retryAfterMs / 1000).toFixed(3);
      const limiterHeaders = {
        "x-ratelimit-limit": String(limit.limit),
        "x-ratelimit-reset": ((Date.now() + fault.retryAfterMs) / 1000).toFixed(3),
        "x-ratelimit-reset-after": resetAfter,
        "x-ratelimit-bucket": bucket,
      };
      const out = faultResponse(fault, limiterHeaders);
      if (out.status === 429) log.rateLimited = fault.global ? "global" : fault.scope;
      sendJson(res, out.status, out.body, out.headers);
      return finish(out.status);
    }
  }
  if (res.socket?.destroyed) return finish(0);

  const decision = core.limiter.check(actorKey, match.routeKey, match.major);
  if (decision.limited) {
    log.rateLimited = decision.limited.scope;
    const retryAfter = Number((decision.limited.retryAfterMs / 1000).toFixed(3));
    sendJson(
      res,
      429,
      {
        message: "You are being rate limited.",
        retry_after: retryAfter,
        global: decision.limited.scope === "global",
      },
      decision.headers,
    );
    return finish(429);
  }

  const reasonHeader = req.headers["x-audit-log-reason"];
  const ctx: RestContext = {
    req,
    core,
    params: match.params,
    query: url.searchParams,
    actor,
    auditReason: typeof reasonHeader === "string" ? safeDecode(reasonHeader) : null,
    body: lazyBody(core, req),
  };
  try {
    const result = await match.def.handler(ctx);
    if (result.body === undefined) sendEmpty(res, result.status, decision.headers);
    else sendJson(res, result.status, result.body, decision.headers);
    finish(result.status);
  } catch (error) {
    if (error instanceof DiscordApiError) return fail(error, decision.headers);
    if (error instanceof BodyTooLargeError) return fail(Errors.tooLarge(), decision.headers);
    core.logger.error("rest_handler_failed", { route: match.routeKey, error: String(error) });
    sendJson(res, 500, { message: "500: Internal Server Error", code: 0 }, decision.headers);
    finish(500);
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
