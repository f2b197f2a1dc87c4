// The whole-history import end to end: the real collector process against the Discord emulator and
// the offline Convex backend; an admin signed in over the wire requests it through the console's
// mutation and reads the feed's paginated history at the end.
import { adminClient, generateAuthKeys } from "@g3/convex-offline";
import { DEMO_IDS } from "@g3/discord-emulator";
import { ConvexHttpClient } from "convex/browser";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { api, internal } from "../../../convex/_generated/api.js";
import {
  ANALYST,
  CollectorProcess,
  FREE_CHAT,
  SECRET,
  startWorld,
  VIP,
  waitFor,
  type World,
} from "./harness.js";

const ADMIN_EMAIL = "history-admin@example.com";
const PASSWORD = "a long and unusual passphrase 42";
const HISTORY = 5000;

let world: World;
let admin: ConvexHttpClient;
const running: CollectorProcess[] = [];

beforeAll(async () => {
  const keys = await generateAuthKeys();
  world = await startWorld({
    backendEnv: {
      JWT_PRIVATE_KEY: keys.JWT_PRIVATE_KEY,
      JWKS: keys.JWKS,
      SITE_URL: "http://127.0.0.1:3000",
      EMAIL_PROVIDER: "dev",
      ADMIN_EMAILS: ADMIN_EMAIL,
    },
  });
  admin = await signUpAdmin();
  // The admin reads the feed like a member: a manual grant of the VIP tier.
  const me = await admin.query(api.users.viewer, {});
  if (me === null) throw new Error("admin not signed in");
  await admin.mutation(api.entitlementAdmin.grant, {
    userId: me.id,
    tierKey: "vip",
    days: 30,
    reason: "reads the imported history",
  });
}, 90_000);
afterEach(async () => {
  for (const collector of running.splice(0)) await collector.stop("SIGKILL");
});
afterAll(async () => {
  await world.close();
});

async function signUpAdmin(): Promise<ConvexHttpClient> {
  const client = new ConvexHttpClient(world.backend.url);
  const operator = adminClient(world.backend.url, world.backend.adminKey);
  await client.action(api.auth.signIn, {
    provider: "password",
    params: { email: ADMIN_EMAIL, password: PASSWORD, flow: "signUp" },
  });
  const code = await waitFor(
    async () =>
      (await operator.query(internal.devMailbox.latestCodeFor, { to: ADMIN_EMAIL })) ?? undefined,
    20_000,
    "the verification code",
  );
  const verified = await client.action(api.auth.signIn, {
    provider: "password",
    params: { email: ADMIN_EMAIL, code, flow: "email-verification" },
  });
  const token = verified.tokens?.token;
  if (token === undefined) throw new Error("no token after verification");
  client.setAuth(token);
  return client;
}

function startCollector(instanceId: string, env: Record<string, string> = {}): CollectorProcess {
  const collector = CollectorProcess.start(world, {
    COLLECTOR_INSTANCE_ID: instanceId,
    HISTORY_IMPORT_POLL_MS: "200",
    HISTORY_IMPORT_LEASE_MS: "5000",
    HISTORY_IMPORT_PAGE_DELAY_MS: "0",
    LOG_LEVEL: "info",
    ...env,
  });
  running.push(collector);
  return collector;
}

/** A mix like a real signals channel: calls, follow-ups by symbol, replies, chat. */
function historyContent(i: number): { content: string; replyToIndex?: number } {
  const pair = ["BTC", "ETH", "SOL", "XRP"][i % 4] ?? "BTC";
  if (i % 10 === 0) {
    return {
      content: `${pair}/USDT LONG hist-${i}\nEntry: 100-110\nTargets: 120, 130\nSL: 90`,
    };
  }
  if (i % 10 === 4) return { content: `${pair} TP1 hit hist-${i}` };
  if (i % 10 === 7) return { content: `moving stop to entry hist-${i}`, replyToIndex: i - 7 };
  return { content: `market chatter hist-${i}` };
}

const channelCounts = () =>
  adminClient(world.backend.url, world.backend.adminKey).query(
    internal.historyImportJobs.channelCounts,
    { sourceChannelId: VIP },
  );

const importRow = async () => (await admin.query(api.historyImports.list, {}))[0];

describe("signal-history import", () => {
  test(`${HISTORY} historical messages import fully across a SIGKILL and a takeover, beside live traffic`, async () => {
    await world.emulator.control.updateSettings({ rateLimits: { enabled: false } });
    const seeded = await world.emulator.control.seedHistory(VIP, {
      authorId: ANALYST,
      spacingMs: 30_000,
      messages: Array.from({ length: HISTORY }, (_, i) => historyContent(i)),
    });
    expect(seeded.count).toBe(HISTORY);

    const first = startCollector("collector-a");
    await first.waitReady(60_000);
    const importId = await admin.mutation(api.historyImports.request, { sourceChannelId: VIP });

    // Live traffic while the import runs, through the gateway as usual.
    await first.waitForLog((l) => l.event === "history.page", 30_000);
    const live: string[] = [];
    for (let i = 0; i < 10; i++) {
      const posted = await world.emulator.control.postMessage(VIP, {
        authorId: ANALYST,
        content: `ETH/USDT SHORT live-${i}\nEntry: 3000\nSL: 3100`,
      });
      live.push(posted.id);
    }
    const editedId = live[3] ?? "";
    await world.emulator.control.editMessage(VIP, editedId, {
      content: "ETH/USDT SHORT live-3 edited\nEntry: 3000\nSL: 3050",
    });

    // Killed mid-import: some pages committed, far from the end.
    await waitFor(
      async () => {
        const row = await importRow();
        return row !== undefined && row.pages >= 5 ? row : null;
      },
      60_000,
      "five committed pages",
    );
    await first.stop("SIGKILL");
    const atKill = await importRow();
    expect(atKill?.state).toBe("running");
    expect(atKill?.pages ?? 0).toBeLessThan(HISTORY / 100);

    // A second instance takes over once the dead one's lease runs out, from the committed cursor.
    const second = startCollector("collector-b");
    await second.waitReady(60_000);
    const more = await world.emulator.control.postMessage(VIP, {
      authorId: ANALYST,
      content: "SOL/USDT LONG live-after-restart\nEntry: 150\nSL: 140",
    });
    live.push(more.id);
    const claimed = await second.waitForLog((l) => l.event === "history.claimed", 30_000);
    expect(claimed.from).toBe(atKill?.cursor);
    await second.waitForLog((l) => l.event === "history.done", 120_000);

    const done = await importRow();
    expect(done).toMatchObject({ _id: importId, state: "done", failed: 0 });
    expect(done?.progress.fraction).toBe(1);
    // It started below what the first backfill had stored (the newest 100 messages), and the
    // page in hand at the kill was read again (its messages then count as skipped).
    expect(done?.imported ?? 0).toBeGreaterThanOrEqual(HISTORY - 200);

    // Everything Discord has is in Convex once, nothing twice.
    const inDiscord = await world.emulator.control.messages(VIP);
    const counts = await channelCounts();
    expect(counts.total).toBe(inDiscord.length);
    expect(counts.distinctMessages).toBe(counts.total);
    expect(counts.tombstoned).toBe(0);
    expect(counts.oldestSourceAt).toBe(Date.parse(inDiscord[0]?.timestamp ?? ""));

    // Live messages: stored from the gateway, the edit applied, the cursor at the newest one.
    const edited = await world.inspect(editedId);
    expect(edited?.signal).toMatchObject({ version: 2 });
    expect(edited?.signal.content).toContain("live-3 edited");
    const [cursor] = await new ConvexHttpClient(world.backend.url).query(api.ingest.getCursors, {
      secret: SECRET,
      channelIds: [VIP],
    });
    expect(cursor?.lastMessageId).toBe(live[live.length - 1]);
    for (const id of live) expect((await world.inspect(id))?.signal.deletedAt).toBeUndefined();

    // Replies imported before their signal were linked when it arrived.
    const reply = inDiscord.find((m) => m.content === "moving stop to entry hist-17");
    const parent = inDiscord.find((m) => m.content.includes("LONG hist-10\n"));
    const replyStored = await world.inspect(reply?.id ?? "");
    const parentStored = await world.inspect(parent?.id ?? "");
    expect(replyStored?.signal.parentSignalId).toBe(parentStored?.signal._id);

    // The feed's paginated history serves all of them.
    const seen = new Set<string>();
    let cursorToken: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof admin.query<typeof api.feed.list>>> = await admin.query(
        api.feed.list,
        {
          paginationOpts: { numItems: 500, cursor: cursorToken },
        },
      );
      expect(page.locked).toBe(false);
      for (const card of page.page) {
        const marker = /hist-(\d+)/.exec(card.content ?? "")?.[1];
        if (marker !== undefined) seen.add(marker);
      }
      if (page.isDone) break;
      cursorToken = page.continueCursor;
    }
    expect(seen.size).toBe(HISTORY);

    // The takeover and the end are in the audit log.
    const audit = await admin.query(api.audit.list, {
      paginationOpts: { numItems: 50, cursor: null },
    });
    const actions = audit.page.filter((e) => e.targetId === importId).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "history.import.request",
        "history.import.takeover",
        "history.import.done",
      ]),
    );
  }, 180_000);

  test("a graceful stop (SIGTERM) hands the import back: another instance resumes it at once, not after the lease", async () => {
    await world.emulator.control.updateSettings({ rateLimits: { enabled: false } });
    const channel = DEMO_IDS.sourceAnnouncements;
    await world.mapChannel(channel, DEMO_IDS.customerVipSignals);
    await world.emulator.control.seedHistory(channel, {
      authorId: ANALYST,
      spacingMs: 60_000,
      messages: Array.from({ length: 600 }, (_, i) => ({ content: `announcement hist-${i}` })),
    });
    // A lease far longer than the test: only a release can hand the job over in time.
    const slow = {
      BACKFILL_INITIAL_MESSAGES: "10",
      HISTORY_IMPORT_LEASE_MS: "600000",
      HISTORY_IMPORT_PAGE_DELAY_MS: "500",
    };
    const first = startCollector("collector-d", slow);
    await first.waitReady(60_000);
    const importId = await admin.mutation(api.historyImports.request, { sourceChannelId: channel });
    await first.waitForLog((l) => l.event === "history.page" && l.importId === importId, 30_000);
    expect(await first.stop("SIGTERM")).toBe(0);

    const ofThisImport = async () =>
      (await admin.query(api.historyImports.list, {})).find((row) => row._id === importId);
    const released = await ofThisImport();
    expect(released?.state).toBe("queued");
    expect(released?.leaseOwner).toBeUndefined();
    expect(released?.pages ?? 0).toBeGreaterThan(0);

    const second = startCollector("collector-e", { ...slow, HISTORY_IMPORT_PAGE_DELAY_MS: "0" });
    const claimed = await second.waitForLog(
      (l) => l.event === "history.claimed" && l.importId === importId,
      30_000,
    );
    expect(claimed.from).toBe(released?.cursor);
    await second.waitForLog((l) => l.event === "history.done" && l.importId === importId, 60_000);
    expect(await ofThisImport()).toMatchObject({ state: "done", failed: 0 });
    const inDiscord = await world.emulator.control.messages(channel);
    const counts = await adminClient(world.backend.url, world.backend.adminKey).query(
      internal.historyImportJobs.channelCounts,
      { sourceChannelId: channel },
    );
    expect(counts.total).toBe(inDiscord.length);
    expect(counts.distinctMessages).toBe(counts.total);

    // Handed back, not taken over: the audit log says which instance let go, and where.
    const audit = await admin.query(api.audit.list, {
      paginationOpts: { numItems: 50, cursor: null },
    });
    const entries = audit.page.filter((e) => e.targetId === importId);
    expect(entries.map((e) => e.action)).toContain("history.import.release");
    expect(entries.map((e) => e.action)).not.toContain("history.import.takeover");
  }, 150_000);

  test("with Discord's rate limits on, the import waits them out and still completes", async () => {
    await world.mapChannel(FREE_CHAT, DEMO_IDS.customerVipSignals);
    await world.emulator.control.seedHistory(FREE_CHAT, {
      authorId: ANALYST,
      spacingMs: 60_000,
      messages: Array.from({ length: 450 }, (_, i) => ({ content: `free chat hist-${i}` })),
    });
    // One history read per 1.5 s on this route: five pages need about six seconds of waiting.
    await world.emulator.control.updateSettings({
      rateLimits: {
        enabled: true,
        routes: { "GET /channels/:channel_id/messages": { limit: 1, windowMs: 1_500 } },
      },
    });
    const collector = startCollector("collector-c", { BACKFILL_INITIAL_MESSAGES: "10" });
    await collector.waitReady(60_000);
    const started = Date.now();
    const importId = await admin.mutation(api.historyImports.request, {
      sourceChannelId: FREE_CHAT,
    });
    await collector.waitForLog(
      (l) => l.event === "history.done" && l.importId === importId,
      90_000,
    );
    const elapsed = Date.now() - started;
    expect(collector.count((l) => l.event === "discord.rate_limited")).toBeGreaterThan(0);
    expect(collector.count((l) => l.event === "history.failed")).toBe(0);
    expect(elapsed).toBeGreaterThan(4 * 1_500);
    const inDiscord = await world.emulator.control.messages(FREE_CHAT);
    const counts = await adminClient(world.backend.url, world.backend.adminKey).query(
      internal.historyImportJobs.channelCounts,
      { sourceChannelId: FREE_CHAT },
    );
    expect(counts.total).toBe(inDiscord.length);
    expect(counts.distinctMessages).toBe(counts.total);
  }, 120_000);
});
