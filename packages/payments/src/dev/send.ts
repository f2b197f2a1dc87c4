// Dev tool: sends a correctly signed sample Sell.app webhook to a running local stack, so a newcomer
// can "buy" access in the local demo. I/O lives here only; the package's pure modules do none.
//
//   pnpm --filter @g3/payments sellapp:send -- --event order.completed --email you@example.com
//     [--site-url http://127.0.0.1:3211] [--shape v2|legacy] [--order-id 1001] [--product-id 501]
//     [--variant-id 601] [--subscription-id 801] [--external-id <users id>] [--unsigned] [--list]
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { buildSellappEvent, SAMPLE_KINDS, type SampleOptions } from "../samples";
import { signSellappBody } from "../signature";

const DEFAULT_SITE_URL = "http://127.0.0.1:3211";

const argsSchema = z.object({
  event: z.enum(SAMPLE_KINDS, { message: `--event must be one of: ${SAMPLE_KINDS.join(", ")}` }),
  email: z.email({ message: "--email must be an email address" }).optional(),
  "site-url": z
    .url({ message: "--site-url must be a URL, e.g. http://127.0.0.1:3211" })
    .default(DEFAULT_SITE_URL),
  shape: z.enum(["v2", "legacy"]).default("v2"),
  "order-id": z.string().regex(/^\d+$/, "--order-id must be numeric").optional(),
  "product-id": z.string().regex(/^\d+$/, "--product-id must be numeric").optional(),
  "variant-id": z.string().regex(/^\d+$/, "--variant-id must be numeric").optional(),
  "subscription-id": z.string().regex(/^\d+$/, "--subscription-id must be numeric").optional(),
  "external-id": z.string().min(1).optional(),
  unsigned: z.boolean().default(false),
});

/** KEY=value lines; quotes stripped; comments and blanks ignored. */
function readDotEnv(path: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (match === null) continue;
    const [, key, raw] = match;
    if (key === undefined || raw === undefined) continue;
    values[key] = raw.replace(/^(['"])(.*)\1$/, "$2");
  }
  return values;
}

/** SELLAPP_WEBHOOK_SECRET from the environment, else from the nearest .env.local upwards. */
function findSecret(): { secret: string; from: string } | undefined {
  const fromEnv = process.env.SELLAPP_WEBHOOK_SECRET;
  if (fromEnv !== undefined && fromEnv !== "") return { secret: fromEnv, from: "environment" };
  const starts = [process.env.INIT_CWD, process.cwd()].filter((d): d is string => d !== undefined);
  for (const start of starts) {
    let dir = resolve(start);
    for (;;) {
      const candidate = join(dir, ".env.local");
      if (existsSync(candidate)) {
        const secret = readDotEnv(candidate).SELLAPP_WEBHOOK_SECRET;
        if (secret !== undefined && secret !== "") return { secret, from: candidate };
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return undefined;
}

function log(record: Record<string, unknown>): void {
  console.log(JSON.stringify(record));
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== "--"),
    options: {
      event: { type: "string" },
      email: { type: "string" },
      "site-url": { type: "string" },
      shape: { type: "string" },
      "order-id": { type: "string" },
      "product-id": { type: "string" },
      "variant-id": { type: "string" },
      "subscription-id": { type: "string" },
      "external-id": { type: "string" },
      unsigned: { type: "boolean" },
      list: { type: "boolean" },
    },
    strict: true,
  });
  if (values.list === true) {
    for (const kind of SAMPLE_KINDS) console.log(kind);
    return 0;
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((issue) => issue.message).join("\n"));
    return 2;
  }
  const args = parsed.data;
  const options: SampleOptions = {
    shape: args.shape,
    occurredAt: Date.now(),
    ...(args.email === undefined ? {} : { email: args.email }),
    ...(args["order-id"] === undefined ? {} : { orderId: args["order-id"] }),
    ...(args["product-id"] === undefined ? {} : { productId: args["product-id"] }),
    ...(args["variant-id"] === undefined ? {} : { variantId: args["variant-id"] }),
    ...(args["subscription-id"] === undefined ? {} : { subscriptionId: args["subscription-id"] }),
    ...(args["external-id"] === undefined ? {} : { externalId: args["external-id"] }),
  };
  const delivery = buildSellappEvent(args.event, options);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (!args.unsigned) {
    const found = findSecret();
    if (found === undefined) {
      console.error(
        "SELLAPP_WEBHOOK_SECRET is not set: export it, or put it in .env.local (the same value the " +
          "backend uses), or pass --unsigned to see the 401.",
      );
      return 2;
    }
    headers.signature = await signSellappBody(delivery.rawBody, found.secret);
    log({ event: "sellapp.send.secret", from: found.from });
  }
  const url = new URL("/webhooks/sellapp", args["site-url"]).toString();
  log({
    event: "sellapp.send.request",
    url,
    kind: delivery.kind,
    sellappEvent: delivery.event,
    shape: args.shape,
    signed: !args.unsigned,
    body: delivery.payload,
  });
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers, body: delivery.rawBody });
  } catch (error) {
    console.error(
      `Could not reach ${url} (${error instanceof Error ? error.message : String(error)}). ` +
        "Is the local backend running? Pass --site-url if it listens elsewhere.",
    );
    return 1;
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: print as text
  }
  log({ event: "sellapp.send.response", status: response.status, body });
  return response.ok ? 0 : 1;
}

process.exitCode = await main();
