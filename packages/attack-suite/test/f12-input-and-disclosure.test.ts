// Finding 12: an admin could store a `javascript:` purchase URL; `feed:signal` on an inaccessible id
// revealed its tier through purchaseUrl; the bots' loggers redacted different lists. Expected:
// purchase URLs are https only; an inaccessible signal reveals nothing; every service's logger
// redacts every credential field.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DEMO_IDS } from "@g3/discord-emulator";
import { beforeAll, expect, test } from "vitest";
import { makeActor, type Actor } from "../src/actors.js";
import { suiteStack } from "../src/context.js";
import { admin, api, internal, outcome, type Id } from "../src/convex.js";
import { ROOT } from "../src/paths.js";
import { postMarkedSignal } from "../src/signals.js";
import { SIGNAL_MARKER } from "../src/world.js";

const stack = suiteStack();
/** A tier nobody in this file can read; its key and shop URL must never reach them. */
const HIDDEN_TIER = "hiddentier7f3a";
const HIDDEN_URL = "https://sell.app/hidden-tier-7f3a";
const HIDDEN_CHANNEL = "100000000000000991";

let adminActor: Actor;
let hiddenSignal: Id<"signals">;

beforeAll(async () => {
  adminActor = await makeActor(stack, "admin", "f12");
  await admin(stack).mutation(internal.seed.configure, {
    tier: { key: HIDDEN_TIER, name: "Hidden", graceHours: 1, purchaseUrl: HIDDEN_URL },
    sellappProductId: "990991",
    mappings: [
      {
        label: "Hidden signals",
        sourceGuildId: DEMO_IDS.sourceGuild,
        sourceChannelId: HIDDEN_CHANNEL,
        customerGuildId: DEMO_IDS.customerGuild,
        customerChannelId: "100000000000000992",
      },
    ],
  });
  hiddenSignal = await postMarkedSignal(stack, "f12 hidden", { channelId: HIDDEN_CHANNEL });
});

test("an admin cannot store a purchase URL that is not https", async () => {
  const tier = { key: "f12tier", name: "F12", graceHours: 1 };
  const good = await outcome(() =>
    adminActor.client.mutation(api.tiers.upsertTier, {
      ...tier,
      purchaseUrl: "https://sell.app/f12",
    }),
  );
  expect(good.ok ? "stored" : good.error, "an https purchase URL is refused").toBe("stored");
  for (const url of [
    "javascript:alert(document.cookie)",
    "JaVaScRiPt:alert(1)",
    "http://sell.app/f12",
    "data:text/html,<script>alert(1)</script>",
  ]) {
    const stored = await outcome(() =>
      adminActor.client.mutation(api.tiers.upsertTier, { ...tier, purchaseUrl: url }),
    );
    expect(stored.ok, `the purchase URL ${url} was stored`).toBe(false);
  }
});

test("feed:signal on an inaccessible signal reveals nothing about it", async () => {
  const unpaid = await makeActor(stack, "unpaid", "f12");
  const paid = await makeActor(stack, "paid", "f12");
  for (const actor of [await makeActor(stack, "anonymous", "f12"), unpaid, paid]) {
    const answer = JSON.stringify(
      await outcome(() => actor.client.query(api.feed.signal, { signalId: hiddenSignal })),
    );
    expect(answer, `${actor.role} reads the hidden signal`).not.toContain(SIGNAL_MARKER);
    expect(answer, `feed:signal tells ${actor.role} which tier the signal is in`).not.toContain(
      HIDDEN_URL,
    );
    expect(answer, `feed:signal names the tier to ${actor.role}`).not.toContain(HIDDEN_TIER);
  }
});

const SERVICES = ["collector", "mirror", "demo-feed"];
/** Credential fields a log line might carry, at the top level and nested. */
const CREDENTIALS: Record<string, unknown> = {
  token: "S-token-1",
  secret: "S-secret-2",
  serviceSecret: "S-service-3",
  discordToken: "S-discord-4",
  authorization: "S-authz-5",
  password: "S-password-6",
  cookie: "S-cookie-7",
  clientSecret: "S-client-8",
  webhookSecret: "S-webhook-9",
  headers: { authorization: "S-hdr-authz-10", cookie: "S-hdr-cookie-11" },
  request: { headers: { authorization: "S-req-authz-12" } },
  nested: { token: "S-nested-token-13", secret: "S-nested-secret-14", password: "S-nested-pw-15" },
};

/** Runs the service's own logger in a child process and returns what it wrote to stdout. */
function logWith(service: string): string {
  const module = pathToFileURL(join(ROOT, "apps", service, "src", "logger.ts")).href;
  const script = `const { createLogger } = await import(${JSON.stringify(module)});
    const log = createLogger("info");
    log.info(${JSON.stringify(CREDENTIALS)}, "credentials");
    if (typeof log.flush === "function") log.flush();`;
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", script],
    {
      cwd: join(ROOT, "apps", service),
      encoding: "utf8",
    },
  );
  if (run.status !== 0) throw new Error(`${service}'s logger did not run: ${run.stderr}`);
  return run.stdout;
}

test("every service's logger redacts every credential field", () => {
  const secrets = JSON.stringify(CREDENTIALS).match(/S-[a-z-]+-\d+/g) ?? [];
  const leaks: string[] = [];
  for (const service of SERVICES) {
    const output = logWith(service);
    expect(output, `${service} logged nothing`).toContain("credentials");
    const leaked = secrets.filter((secret) => output.includes(secret));
    if (leaked.length > 0) leaks.push(`${service} logged ${leaked.join(", ")}`);
  }
  expect(leaks).toEqual([]);
});
