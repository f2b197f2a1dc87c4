// Both bots as real child processes (the collector's and the mirror's composition roots) against
// the Discord emulator and the offline backend: SIGKILL both, change the world while they are
// down (new posts, an edit and a delete of OLDER signals, a moderator deleting a mirrored
// message), restart both, and require Convex and the customer guild to converge.
import type { ControlMessage } from "@g3/discord-emulator";
import { afterEach, beforeEach, expect, test } from "vitest";
import { api, internal } from "../../../../convex/_generated/api.js";
import { checkDrift, describeDrift } from "../../src/drift.js";
import { CollectorProcess } from "./collector-process.js";
import {
  CUSTOMER_CHANNEL,
  MIRROR_BOT,
  MirrorProcess,
  SECRET,
  SOURCE_CHANNEL,
  startStack,
  waitFor,
  type Stack,
} from "./harness.js";
import { DEMO_IDS } from "@g3/discord-emulator";

const BEFORE = 60; // signals posted before the outage
const DURING = 40; // posted while both bots are down
const CONVERGE_MS = 60_000;

let stack: Stack;
const processes: { stop: (signal?: NodeJS.Signals) => Promise<number | null> }[] = [];

beforeEach(async () => {
  stack = await startStack({ relaxedRateLimits: true });
});

afterEach(async () => {
  await Promise.allSettled(processes.splice(0).map((child) => child.stop("SIGKILL")));
  await stack.close();
});

const key = (content: string) => /\[sig-\d+\]/.exec(content)?.[0] ?? `seed:${content}`;

function startBoth(): { collector: CollectorProcess; mirror: MirrorProcess } {
  const collector = CollectorProcess.start({
    DISCORD_API_URL: stack.emulator.apiUrl,
    CONVEX_URL: stack.backend.url,
    CONVEX_SERVICE_SECRET: SECRET,
  });
  const mirror = MirrorProcess.start(stack.mirrorEnv("mirror-catch-up"));
  processes.push(collector, mirror);
  return { collector, mirror };
}

async function post(n: number): Promise<ControlMessage> {
  return stack.emulator.control.postMessage(SOURCE_CHANNEL, {
    authorId: DEMO_IDS.analystUser,
    content: `[sig-${n}] BTC/USDT LONG entry ${40_000 + n} tp ${41_000 + n} sl ${39_000 + n}`,
  });
}

/** The customer channel against the source channel, keyed by `[sig-N]`: no drift at all. */
async function customerDrift() {
  const source = await stack.emulator.control.messages(SOURCE_CHANNEL);
  const customer = await stack.emulator.control.messages(CUSTOMER_CHANNEL);
  return checkDrift(
    source.map((message) => ({ key: key(message.content), content: message.content })),
    customer
      .filter((message) => message.author.id === MIRROR_BOT)
      .map((message) => ({ id: message.id, content: message.content })),
    { keyOf: key },
  );
}

async function stored(messageId: string) {
  return stack.admin.query(internal.ingest.inspectMessage, { messageId });
}

test("after SIGKILL of both bots, missed edits and deletes of older signals and a moderator's delete converge", async () => {
  const first = startBoth();
  await first.collector.waitReady();
  await first.mirror.waitStarted();

  const posted: ControlMessage[] = [];
  for (let n = 1; n <= BEFORE; n++) posted.push(await post(n));
  await waitFor(
    async () => ((await customerDrift()).ok ? true : undefined),
    CONVERGE_MS,
    "the first signals mirrored",
    async () => describeDrift(await customerDrift()),
  );
  // Every delivery acknowledged, so the kill does not land in the middle of a send.
  await waitFor(
    async () => {
      const [mapping] = await stack.service.query(api.mirror.driftWindow, {
        secret: SECRET,
        perMapping: 50,
      });
      return mapping?.rows.every((row) => row.synced) === true ? true : undefined;
    },
    CONVERGE_MS,
    "deliveries acknowledged",
  );

  await Promise.all([first.collector.stop("SIGKILL"), first.mirror.stop("SIGKILL")]);

  // While both are down: new posts, an edit and a delete of signals far more than 50 messages
  // back, and a moderator deleting one mirrored message in the customer guild.
  const edited = posted[2];
  const deleted = posted[4];
  if (edited === undefined || deleted === undefined) throw new Error("posts missing");
  const editedContent = `[sig-3] BTC/USDT LONG entry 40003 tp 45000 sl 39500 (edited while down)`;
  for (let n = BEFORE + 1; n <= BEFORE + DURING; n++) {
    await post(n);
    if (n === BEFORE + 10) {
      await stack.emulator.control.editMessage(SOURCE_CHANNEL, edited.id, {
        content: editedContent,
      });
    }
    if (n === BEFORE + 20) await stack.emulator.control.deleteMessage(SOURCE_CHANNEL, deleted.id);
  }
  const customer = await stack.emulator.control.messages(CUSTOMER_CHANNEL);
  const victim = customer.find((message) => message.content.startsWith(`[sig-${BEFORE - 1}]`));
  if (victim === undefined) throw new Error(`sig-${BEFORE - 1} was not mirrored`);
  await stack.emulator.control.deleteMessage(CUSTOMER_CHANNEL, victim.id);

  const restartedAt = Date.now();
  const second = startBoth();
  await second.collector.waitReady();
  await second.mirror.waitStarted();

  // Convex: the latest content of the edited signal, the deleted one tombstoned, the new ones in.
  await waitFor(
    async () => {
      const [editedRow, deletedRow] = await Promise.all([stored(edited.id), stored(deleted.id)]);
      return editedRow?.signal.content === editedContent &&
        deletedRow?.signal.deletedAt !== undefined
        ? true
        : undefined;
    },
    CONVERGE_MS,
    "Convex shows the edit and the delete made while the collector was down",
    async () =>
      JSON.stringify({
        edited: (await stored(edited.id))?.signal.content,
        deletedAt: (await stored(deleted.id))?.signal.deletedAt ?? null,
      }),
  );
  // The customer guild: every live signal once, with its latest content (the edit shown, the
  // deleted one gone, the moderator's deletion re-created, the 40 new ones posted).
  await waitFor(
    async () => ((await customerDrift()).ok ? true : undefined),
    CONVERGE_MS,
    "the customer guild converged",
    async () => describeDrift(await customerDrift()),
  );
  const convergedMs = Date.now() - restartedAt;
  const report = await customerDrift();
  expect(report.ok).toBe(true);
  expect(report.expected).toBe(2 + BEFORE + DURING - 1); // 2 seeded posts, one deleted
  const recreated = (await stack.emulator.control.messages(CUSTOMER_CHANNEL)).filter((message) =>
    message.content.startsWith(`[sig-${BEFORE - 1}]`),
  );
  expect(recreated).toHaveLength(1);
  expect(recreated[0]?.id).not.toBe(victim.id);
  expect(convergedMs).toBeLessThan(CONVERGE_MS);
  console.info(`catch-up converged ${convergedMs} ms after the restart`);
});
