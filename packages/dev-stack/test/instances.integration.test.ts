// Two collectors and two mirrors side by side, as `scripts/local.sh --instances 2` runs them: real
// processes under the supervisor, real discord.js against the emulator, the offline backend. A
// workload of posts, edits and deletes, one mirror SIGKILLed while a send is in flight (and
// restarted by the supervisor): exactly one mirrored message per live source message, showing
// its latest content, none for a deleted one, and one revision per change in Convex.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { ControlClient, DEMO_IDS, type ControlMessage } from "@g3/discord-emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { freePort } from "../src/free-port.js";
import { harnessStack } from "../src/harness.js";
import { waitFor } from "../src/poll.js";
import { healthPort, INSTANCE_PORT_STEP, type Ports } from "../src/ports.js";
import { REPO_ROOT } from "../src/repo-paths.js";
import { seedStartedBackend } from "../src/seed.js";
import { Supervisor, type FinalExit } from "../src/supervisor.js";

const SOURCE = DEMO_IDS.sourceVipSignals;
const CUSTOMER = DEMO_IDS.customerVipSignals;

type Revision = { change: "create" | "edit" | "delete"; version: number };
const inspectMessage = makeFunctionReference<
  "query",
  { messageId: string },
  { signal: { version: number; deletedAt?: number }; revisions: Revision[] } | null
>("ingest:inspectMessage");
const getCursors = makeFunctionReference<
  "query",
  { secret: string; channelIds: string[] },
  { channelId: string; lastMessageId: string }[]
>("ingest:getCursors");

async function isFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer()
      .once("error", () => done(false))
      .listen(port, "127.0.0.1", () => probe.close(() => done(true)));
  });
}

/** A base health port whose second instance's port (base + 100) is free as well. */
async function freeInstancePort(): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (port + INSTANCE_PORT_STEP < 65_536 && (await isFree(port + INSTANCE_PORT_STEP))) {
      return port;
    }
  }
}

// The workload: what each source message (by its tag) should show, and what happened to it.
const latest = new Map<string, string>(); // tag → latest source content
const sourceIds = new Map<string, string>(); // tag → source message id
const changes = new Map<string, Revision["change"][]>();
const deleted = new Set<string>();
const content = (n: number, version: number) =>
  `[w-${n}] BTC/USDT LONG\nEntry: ${60_000 + n}\nTP: ${62_000 + n}\nSL: ${59_000 + n} (v${version})`;
const post = async (n: number) => {
  const tag = `[w-${n}]`;
  const text = content(n, 1);
  const message = await control.postMessage(SOURCE, {
    authorId: DEMO_IDS.analystUser,
    content: text,
  });
  latest.set(tag, text);
  sourceIds.set(tag, message.id);
  changes.set(tag, ["create"]);
};
const edit = async (n: number, version: number) => {
  const tag = `[w-${n}]`;
  const text = content(n, version);
  await control.editMessage(SOURCE, sourceIds.get(tag) ?? "", { content: text });
  latest.set(tag, text);
  changes.get(tag)?.push("edit");
};
const remove = async (n: number) => {
  const tag = `[w-${n}]`;
  await control.deleteMessage(SOURCE, sourceIds.get(tag) ?? "");
  deleted.add(tag);
  changes.get(tag)?.push("delete");
};

let workDir: string;
let supervisor: Supervisor;
let ports: Ports;
let control: ControlClient;
let admin: ConvexHttpClient;
let secret: string;
const finals: [string, FinalExit][] = [];

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "dev-stack-instances-"));
  ports = {
    backend: await freePort(),
    site: await freePort(),
    emulator: await freePort(),
    web: await freePort(),
    collectorHealth: await freeInstancePort(),
    mirrorHealth: await freeInstancePort(),
  };
  const { env, dataDir, services } = await harnessStack({
    root: REPO_ROOT,
    workDir,
    ports,
    instances: 2,
    restart: { initialDelayMs: 200, maxDelayMs: 2_000, resetAfterMs: 60_000, burst: 5 },
    serviceEnv: {
      // A lease left by a killed instance that is not restarted expires within seconds.
      mirror: { MIRROR_LEASE_MS: "6000", MIRROR_DRIFT_CHECK_MINUTES: "60" },
    },
  });
  secret = env.CONVEX_SERVICE_SECRET ?? "";
  supervisor = new Supervisor(
    join(workDir, "logs"),
    (name, _code, exit) => finals.push([name, exit]),
    {
      echo: false,
      statusFile: join(workDir, "status.json"),
    },
  );
  await supervisor.start(services.emulator);
  control = new ControlClient(`http://127.0.0.1:${ports.emulator}`);
  await control.updateSettings({ rateLimits: { enabled: false } });
  await supervisor.start(services.backend);
  const adminKey = await seedStartedBackend(`http://127.0.0.1:${ports.backend}`, dataDir);
  admin = new ConvexHttpClient(`http://127.0.0.1:${ports.backend}`);
  (admin as unknown as { setAdminAuth(key: string): void }).setAdminAuth(adminKey);
  // History from before the bots start: both collectors backfill it at once (no cursor yet).
  for (let n = 101; n <= 105; n++) await post(n);
  // Both instances of each bot start together (they would race for the same work at once).
  const bots = services.apps.filter((app) => /^(collector|mirror)(-\d+)?$/.test(app.name));
  expect(bots.map((bot) => bot.name)).toEqual(["collector", "mirror", "collector-2", "mirror-2"]);
  await Promise.all(bots.map((bot) => supervisor.start(bot)));
}, 240_000);

afterAll(async () => {
  await supervisor?.stopAll(10_000);
  if (workDir !== undefined) rmSync(workDir, { recursive: true, force: true });
});

const health = async (url: string): Promise<Record<string, unknown>> => {
  const response = await fetch(url);
  return (await response.json()) as Record<string, unknown>;
};

/** The mirror bot's messages in the customer channel, by the workload tag they carry. */
async function mirroredByTag(): Promise<Map<string, ControlMessage[]>> {
  const messages = await control.messages(CUSTOMER);
  const byTag = new Map<string, ControlMessage[]>();
  for (const message of messages) {
    if (message.author.id !== DEMO_IDS.mirrorApp) continue;
    const tag = /\[w-\d+\]/.exec(message.content)?.[0];
    if (tag === undefined) continue;
    byTag.set(tag, [...(byTag.get(tag) ?? []), message]);
  }
  return byTag;
}

describe("two collectors and two mirrors side by side", () => {
  test("posts, edits and deletes are mirrored exactly once with the latest content, across a SIGKILL mid-send", async () => {
    // The first mirror send is held by Discord for 15 s: whichever instance claimed it is killed
    // while its request is open (mid-send), before its lease is handed back.
    await waitFor(
      async () => (await mirroredByTag()).size === 5,
      60_000,
      "the history from before the start mirrored",
    );
    const held = await control.injectRestFault({
      kind: "delay",
      method: "POST",
      route: "/channels/:id/messages",
      botId: DEMO_IDS.mirrorApp,
      delayMs: 15_000,
      count: 1,
    });
    await post(1);
    await waitFor(
      // A fault whose count is used up leaves the list.
      async () => !(await control.faults()).rest.some((f) => f.id === held.id),
      30_000,
      "a mirror send held by Discord",
    );
    const sending = await waitFor(
      async () => {
        const busy = [];
        for (const name of ["mirror", "mirror-2"]) {
          const instance = name === "mirror" ? 1 : 2;
          const url = `http://127.0.0.1:${healthPort(ports, "mirror", instance)}/health`;
          if (Number((await health(url)).inFlight) > 0) busy.push(name);
        }
        return busy.length === 1 ? busy[0] : undefined;
      },
      10_000,
      "the one mirror instance with the send in flight",
    );
    const victim = sending ?? "mirror";
    const survivor = victim === "mirror" ? "mirror-2" : "mirror";
    supervisor.kill(victim);
    for (let n = 2; n <= 24; n++) await post(n);

    // While it is down and restarting: edits (some twice), deletes (some of edited ones), posts;
    // one collector is killed in the middle of them too (the other keeps writing; it backfills).
    for (let n = 1; n <= 24; n += 3) await edit(n, 2);
    supervisor.kill("collector-2");
    for (let n = 1; n <= 24; n += 6) await edit(n, 3);
    for (let n = 5; n <= 24; n += 5) await remove(n);
    for (let n = 25; n <= 30; n++) await post(n);
    await edit(30, 2);
    await remove(29);
    // Once the killed collector is back, one more post, which both collectors then write.
    await waitFor(
      () => supervisor.status().find((s) => s.name === "collector-2")?.state === "running",
      60_000,
      "collector-2 running again",
    );
    await post(31);

    const converged = async () => {
      const byTag = await mirroredByTag();
      for (const [tag, text] of latest) {
        const copies = byTag.get(tag) ?? [];
        if (deleted.has(tag) ? copies.length !== 0 : copies.length !== 1) return false;
        if (!deleted.has(tag) && !copies[0]?.content.startsWith(text)) return false;
      }
      return byTag;
    };
    const describeState = async () => {
      const byTag = await mirroredByTag();
      return [...latest.keys()]
        .map((tag) => {
          const copies = (byTag.get(tag) ?? []).map((m) =>
            JSON.stringify(m.content.split("\n")[3]),
          );
          return `${tag} ${deleted.has(tag) ? "deleted" : "live"}: ${copies.join(", ") || "none"}`;
        })
        .join("\n");
    };
    await waitFor(converged, 90_000, "the customer channel to converge", describeState);
    // And it stays so: nothing late (a second copy from the killed send) shows up.
    await new Promise((done) => setTimeout(done, 1_500));
    const byTag = await converged();
    expect(byTag, await describeState()).not.toBe(false);
    const mirrored = byTag === false ? 0 : [...byTag.values()].flat().length;
    expect(mirrored).toBe(latest.size - deleted.size);

    // Convex holds one revision per change, whichever collector delivered it first.
    for (const [tag, expected] of changes) {
      const inspected = await admin.query(inspectMessage, { messageId: sourceIds.get(tag) ?? "" });
      expect(
        inspected?.revisions.map((r) => r.change),
        tag,
      ).toEqual(expected);
      expect(inspected?.signal.deletedAt !== undefined, tag).toBe(deleted.has(tag));
    }

    // The killed mirror's request was abandoned mid-send: Discord saw its connection close.
    await waitFor(
      async () =>
        (await control.requests(0, 5_000)).some(
          (r) => r.actor === DEMO_IDS.mirrorApp && r.fault === `delay:${held.id}` && r.status === 0,
        ),
      15_000,
      "the held send abandoned by the killed mirror",
    );

    // Two concurrent backfills and two live writers left the cursor at the newest message.
    const cursors = await admin.query(getCursors, { secret, channelIds: [SOURCE] });
    expect(cursors).toEqual([{ channelId: SOURCE, lastMessageId: sourceIds.get("[w-31]") }]);

    // Both collectors took part; the killed mirror came back under its own instance id.
    for (const instance of [1, 2]) {
      const url = `http://127.0.0.1:${healthPort(ports, "collector", instance)}/health`;
      await waitFor(
        async () => {
          const stats = (await health(url)).stats as { upserts: Record<string, number> };
          return Object.values(stats.upserts).reduce((sum, count) => sum + count, 0) > 0;
        },
        15_000,
        `collector ${instance} to have written`,
      );
    }
    const status = new Map(supervisor.status().map((s) => [s.name, s]));
    expect(status.get(victim)).toMatchObject({ state: "running", restarts: 1 });
    expect(status.get(victim)?.lastExit?.signal).toBe("SIGKILL");
    expect(status.get(survivor)).toMatchObject({ state: "running", restarts: 0 });
    expect(status.get("collector-2")).toMatchObject({ state: "running", restarts: 1 });
    expect(finals).toEqual([]);
  }, 240_000);
});
