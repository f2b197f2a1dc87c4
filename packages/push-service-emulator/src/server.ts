// The HTTP face: RFC 8030 push requests on /push/<id>, and a JSON control API on /control/… for
// tests and scripts (create subscriptions, read decrypted messages, script faults).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { PushStore } from "./store";
import { verifyVapid } from "./vapid";

/** RFC 8030 §7.2: a push service must accept payloads up to 4096 bytes. */
const MAX_PUSH_BYTES = 4096;
const MAX_CONTROL_BYTES = 16 * 1024;
const URGENCIES = new Set(["very-low", "low", "normal", "high"]);

const ZKeys = z.object({
  p256dh: z.string().regex(/^[A-Za-z0-9_-]{87}$/, "p256dh: 65-byte key, base64url"),
  auth: z.string().regex(/^[A-Za-z0-9_-]{22}$/, "auth: 16 bytes, base64url"),
  privateKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "privateKey: 32 bytes, base64url"),
});
const ZCreate = z
  .object({
    keys: ZKeys.optional(),
    generateKeys: z.boolean().optional(),
    applicationServerKey: z
      .string()
      .regex(/^[A-Za-z0-9_-]{87}$/)
      .optional(),
  })
  .strict();
const ZFault = z
  .object({
    status: z.union([
      z.literal(404),
      z.literal(410),
      z.literal(429),
      z.literal(500),
      z.literal(502),
      z.literal(503),
    ]),
    count: z.number().int().positive().optional(),
    retryAfterSeconds: z.number().int().nonnegative().max(3600).optional(),
  })
  .strict();

export type PushServiceOptions = { port?: number; host?: string; now?: () => number };

export type PushServiceEmulator = {
  /** http://host:port — also the `aud` every VAPID token must name. */
  origin: string;
  store: PushStore;
  /** A new subscription (keys generated unless given) and its endpoint. */
  createSubscription: (options?: z.infer<typeof ZCreate>) => {
    id: string;
    endpoint: string;
    keys?: { p256dh: string; auth: string; privateKey: string };
  };
  close: () => Promise<void>;
};

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolveBody(tooLarge ? null : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export async function startPushService(
  options: PushServiceOptions = {},
): Promise<PushServiceEmulator> {
  const store = new PushStore();
  const now = options.now ?? Date.now;
  const host = options.host ?? "127.0.0.1";
  let origin = "";

  const createSubscription: PushServiceEmulator["createSubscription"] = (create = {}) => {
    const { id, keys } = store.create(create);
    return { id, endpoint: `${origin}/push/${id}`, ...(keys === undefined ? {} : { keys }) };
  };

  async function handlePush(req: IncomingMessage, res: ServerResponse, id: string) {
    const body = await readBody(req, MAX_PUSH_BYTES);
    const subscription = store.get(id);
    const answer = (status: number, reason: string, headers: Record<string, string> = {}) => {
      if (subscription !== undefined) store.recordAttempt(id, status);
      sendJson(res, status, { error: reason }, headers);
    };
    if (subscription === undefined) return answer(404, "no such subscription");
    const fault = store.takeFault(id);
    if (fault !== undefined) {
      const retry: Record<string, string> =
        fault.retryAfterSeconds === undefined
          ? {}
          : { "retry-after": String(fault.retryAfterSeconds) };
      return answer(fault.status, "scripted fault", retry);
    }
    if (body === null) return answer(413, `payload over ${MAX_PUSH_BYTES} bytes`);
    const vapid = verifyVapid(req.headers.authorization, origin, now());
    if (!vapid.ok) return answer(401, vapid.reason);
    if (
      subscription.applicationServerKey !== undefined &&
      subscription.applicationServerKey !== vapid.publicKey
    ) {
      return answer(403, "VAPID key differs from the subscription's applicationServerKey");
    }
    const ttlHeader = req.headers.ttl;
    if (typeof ttlHeader !== "string" || !/^\d+$/.test(ttlHeader))
      return answer(400, "TTL header required");
    const urgency = (req.headers.urgency as string | undefined) ?? "normal";
    if (!URGENCIES.has(urgency))
      return answer(400, "Urgency must be very-low, low, normal or high");
    const topic = req.headers.topic as string | undefined;
    if (topic !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(topic)) {
      return answer(400, "Topic must be at most 32 base64url characters");
    }
    if (body.length > 0 && req.headers["content-encoding"] !== "aes128gcm") {
      return answer(415, "Content-Encoding must be aes128gcm");
    }
    const message = store.accept(id, {
      receivedAt: now(),
      ttl: Number(ttlHeader),
      urgency,
      ...(topic === undefined ? {} : { topic }),
      ...(vapid.claims.sub === undefined ? {} : { subject: vapid.claims.sub }),
      vapidPublicKey: vapid.publicKey,
      body,
    });
    store.recordAttempt(id, 201);
    res.writeHead(201, { location: `${origin}/message/${message.id}`, ttl: ttlHeader });
    res.end();
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, path: string[]) {
    const raw = await readBody(req, MAX_CONTROL_BYTES);
    if (raw === null) return sendJson(res, 413, { error: "body too large" });
    let json: unknown = {};
    try {
      json = raw.length === 0 ? {} : (JSON.parse(raw.toString("utf8")) as unknown);
    } catch {
      return sendJson(res, 400, { error: "body is not JSON" });
    }
    const [collection, id, leaf] = path;
    if (collection !== "subscriptions")
      return sendJson(res, 404, { error: "unknown control path" });
    if (id === undefined) {
      if (req.method !== "POST") return sendJson(res, 405, { error: "POST only" });
      const parsed = ZCreate.safeParse(json);
      if (!parsed.success) return sendJson(res, 400, { error: parsed.error.issues });
      return sendJson(res, 201, createSubscription(parsed.data));
    }
    if (store.get(id) === undefined) return sendJson(res, 404, { error: "no such subscription" });
    if (leaf === undefined && req.method === "DELETE") {
      store.remove(id);
      return sendJson(res, 200, { removed: true });
    }
    if (leaf === "messages" && req.method === "GET") return sendJson(res, 200, store.messages(id));
    if (leaf === "attempts" && req.method === "GET") return sendJson(res, 200, store.attempts(id));
    if (leaf === "fault" && req.method === "PUT") {
      const parsed = ZFault.safeParse(json);
      if (!parsed.success) return sendJson(res, 400, { error: parsed.error.issues });
      const { status, count, retryAfterSeconds } = parsed.data;
      store.setFault(id, {
        status,
        ...(count === undefined ? {} : { remaining: count }),
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      });
      return sendJson(res, 200, { fault: parsed.data });
    }
    if (leaf === "fault" && req.method === "DELETE") {
      store.setFault(id, undefined);
      return sendJson(res, 200, { fault: null });
    }
    return sendJson(res, 404, { error: "unknown control path" });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", origin || "http://localhost");
    const segments = url.pathname.split("/").filter((part) => part.length > 0);
    const handle = async () => {
      if (segments[0] === "push" && segments.length === 2 && req.method === "POST") {
        return handlePush(req, res, segments[1] ?? "");
      }
      if (segments[0] === "control") return handleControl(req, res, segments.slice(1));
      if (segments[0] === "health") return sendJson(res, 200, { ok: true });
      return sendJson(res, 404, { error: "not found" });
    };
    handle().catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { error: error instanceof Error ? error.message : "error" });
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return {
    origin,
    store,
    createSubscription,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
