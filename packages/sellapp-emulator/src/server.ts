import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { sendPending } from "./delivery";
import { FaultQueue } from "./faults";
import { SellappStore } from "./store";

export type SellappEmulatorOptions = {
  port?: number;
  /** The Bearer key the API accepts. */
  apiKey: string;
  /** Signs webhook deliveries. */
  signingSecret: string;
  /** Where deliveries go (our Convex HTTP action: <site>/webhooks/sellapp). */
  webhookUrl?: string;
};

export type SellappEmulator = {
  /** Base URL for the client (SELLAPP_API_URL): http://127.0.0.1:<port>/api */
  apiUrl: string;
  origin: string;
  store: SellappStore;
  faults: FaultQueue;
  /** Sends every pending (and previously failed) delivery to the webhook URL. */
  deliverPending: (webhookUrl?: string) => Promise<{ sent: number; failed: number }>;
  close: () => Promise<void>;
};

const ZOrderStatus = z.enum([
  "PENDING",
  "PAID",
  "COMPLETED",
  "PARTIAL",
  "DISPUTING",
  "REFUNDED",
  "REVERSED",
  "VOIDED",
  "FAILED",
  "REVIEW",
]);
const ZSubscriptionStatus = z.enum(["ACTIVE", "PAST_DUE", "CANCELLED", "EXPIRED", "PENDING"]);
const ZNewOrder = z.object({
  email: z.string().min(3),
  productId: z.number().int(),
  variantId: z.number().int(),
  status: ZOrderStatus,
  at: z.number().optional(),
  subscriptionId: z.number().int().optional(),
  externalId: z.string().optional(),
});
const ZNewSubscription = z.object({
  email: z.string().min(3),
  productId: z.number().int(),
  variantId: z.number().int(),
  status: ZSubscriptionStatus,
  at: z.number().optional(),
  periodEnd: z.number(),
});
const ZSubscriptionChange = z.object({
  status: ZSubscriptionStatus,
  at: z.number().optional(),
  periodEnd: z.number().optional(),
});
const ZFault = z.object({
  status: z.number().int().min(400).max(599),
  count: z.number().int().positive(),
  retryAfterSeconds: z.number().nonnegative().optional(),
});

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? {} : JSON.parse(text);
}

/**
 * Starts the Sell.app stand-in on loopback: the v2 API the client reads (`/api/v2/orders`,
 * `/api/v2/orders/:id`, `/api/v2/subscriptions`, Bearer key, `?page=&limit=` ≤ 100, Sell.app's
 * `{data, meta}` pages) and a control API under `/_control` (README) to shape the store, inject
 * 429/5xx, and send, lose or inspect webhook deliveries.
 */
export async function startSellappEmulator(
  options: SellappEmulatorOptions,
): Promise<SellappEmulator> {
  const store = new SellappStore();
  const faults = new FaultQueue();
  let webhookUrl = options.webhookUrl;

  const deliverPending = async (url?: string) => {
    const target = url ?? webhookUrl;
    if (target === undefined) throw new Error("no webhook URL configured");
    return sendPending(store.deliveries, target, options.signingSecret);
  };

  const api = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return send(res, 401, { message: "Unauthenticated." });
    }
    const fault = faults.take();
    if (fault !== undefined) {
      return send(
        res,
        fault.status,
        { message: fault.status === 429 ? "Too Many Attempts." : "Server Error" },
        fault.retryAfterSeconds === undefined
          ? {}
          : { "retry-after": String(fault.retryAfterSeconds) },
      );
    }
    const page = Math.max(1, Number(url.searchParams.get("page") ?? "1") || 1);
    const limit = Math.min(100, Math.max(1, Number(url.searchParams.get("limit") ?? "15") || 15));
    const path = url.pathname.replace(/^\/api\/v2/, "");
    if (path === "/orders") return send(res, 200, store.list(store.orders, page, limit));
    if (path === "/subscriptions")
      return send(res, 200, store.list(store.subscriptions, page, limit));
    const one = /^\/(orders|subscriptions)\/(\d+)$/.exec(path);
    if (one !== null) {
      const items = one[1] === "orders" ? store.orders : store.subscriptions;
      const item = items.get(Number(one[2]));
      return item === undefined
        ? send(res, 404, { message: "Not found." })
        : send(res, 200, { data: item });
    }
    return send(res, 404, { message: "Not found." });
  };

  const control = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const path = url.pathname.replace(/^\/_control/, "");
    const method = req.method ?? "GET";
    const now = Date.now();
    if (method === "GET" && path === "/state") {
      return send(res, 200, {
        customers: store.customers.size,
        orders: store.orders.size,
        subscriptions: store.subscriptions.size,
        deliveries: store.deliveries.map(({ body: _body, ...rest }) => rest),
      });
    }
    if (method === "GET" && path === "/deliveries") return send(res, 200, store.deliveries);
    if (method !== "POST") return send(res, 404, { message: "Not found." });
    const body = await readJson(req);
    if (path === "/reset") {
      store.reset();
      faults.clear();
      return send(res, 200, { ok: true });
    }
    if (path === "/config") {
      const parsed = z.object({ webhookUrl: z.string().url() }).parse(body);
      webhookUrl = parsed.webhookUrl;
      return send(res, 200, { ok: true });
    }
    if (path === "/orders") {
      const input = ZNewOrder.parse(body);
      return send(res, 200, store.createOrder({ ...input, at: input.at ?? now }));
    }
    const orderStatus = /^\/orders\/(\d+)\/status$/.exec(path);
    if (orderStatus !== null) {
      const input = z.object({ status: ZOrderStatus, at: z.number().optional() }).parse(body);
      return send(
        res,
        200,
        store.setOrderStatus(Number(orderStatus[1]), input.status, input.at ?? now),
      );
    }
    if (path === "/subscriptions") {
      const input = ZNewSubscription.parse(body);
      return send(res, 200, store.createSubscription({ ...input, at: input.at ?? now }));
    }
    const subscription = /^\/subscriptions\/(\d+)$/.exec(path);
    if (subscription !== null) {
      const input = ZSubscriptionChange.parse(body);
      return send(
        res,
        200,
        store.updateSubscription(Number(subscription[1]), { ...input, at: input.at ?? now }),
      );
    }
    if (path === "/faults") {
      faults.add(ZFault.parse(body));
      return send(res, 200, { ok: true });
    }
    const lose = /^\/deliveries\/(\d+)\/lose$/.exec(path);
    if (lose !== null) {
      const delivery = store.deliveries.find((d) => d.id === Number(lose[1]));
      if (delivery === undefined) return send(res, 404, { message: "no such delivery" });
      delivery.status = "lost";
      return send(res, 200, { ok: true });
    }
    if (path === "/deliveries/send") {
      const parsed = z.object({ webhookUrl: z.string().url().optional() }).parse(body);
      return send(res, 200, await deliverPending(parsed.webhookUrl));
    }
    return send(res, 404, { message: "Not found." });
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const handle = url.pathname.startsWith("/api/v2/")
      ? Promise.resolve(api(req, res, url))
      : url.pathname.startsWith("/_control/")
        ? control(req, res, url)
        : Promise.resolve(send(res, 404, { message: "Not found." }));
    handle.catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) send(res, 400, { message });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    apiUrl: `${origin}/api`,
    origin,
    store,
    faults,
    deliverPending,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
