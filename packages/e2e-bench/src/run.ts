import { DEMO_IDS, type ControlClient, type ControlMessage } from "@g3/discord-emulator";
import type { AdminClient } from "./admin-client.js";
import type { BrowserProbe } from "./browser-probe.js";
import { refs, type DeliveryTiming } from "./convex-api.js";
import type { Mode } from "./options.js";
import type { Subscribers } from "./subscribers.js";
import { signalText, tagOf } from "./tags.js";

export type RunSpec = {
  stored: number;
  subscribers: number;
  mode: Mode;
  signals: number;
  rate: number;
};

/** Everything measured for one signal; times are ms since epoch on this machine's clock. */
export type SignalRecord = {
  tag: string;
  messageId: string;
  /** The control-API post started (the analyst pressed enter). */
  postedAt: number;
  /** The emulator's message timestamp (Discord's `timestamp`): the source event. */
  sourceAt: number;
  receivedAt?: number;
  committedAt?: number;
  subscriberAt: (number | undefined)[];
  /** The probe dashboard (connected last, on the benchmark's main thread) saw it. */
  probeAt?: number;
  browserAt?: number;
  botReceivedAt?: number;
  mirroredAt?: number;
};

export type RunContext = {
  control: ControlClient;
  admin: AdminClient;
  subscribers: Subscribers;
  browser: BrowserProbe | null;
  runId: string;
  assertHealthy: () => void;
  say: (line: string) => void;
};

const POST_CONCURRENCY_BURST = 32;
const SOURCE_CHANNEL = DEMO_IDS.sourceVipSignals;
const CUSTOMER_CHANNEL = DEMO_IDS.customerVipSignals;

type Posted = { tag: string; messageId: string; postedAt: number; sourceAt: number };

async function postOne(control: ControlClient, tag: string, index: number): Promise<Posted> {
  const postedAt = Date.now();
  const message = await control.postMessage(SOURCE_CHANNEL, {
    authorId: DEMO_IDS.analystUser,
    content: signalText(tag, index),
  });
  return { tag, messageId: message.id, postedAt, sourceAt: Date.parse(message.timestamp) };
}

/** Steady: one post every 1000/rate ms on an absolute schedule (a slow post does not shift the rest). */
async function postSteady(ctx: RunContext, tags: string[], rate: number): Promise<Posted[]> {
  const start = performance.now() + 50;
  const interval = 1000 / rate;
  const posts = tags.map(async (tag, index) => {
    const wait = start + index * interval - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return postOne(ctx.control, tag, index);
  });
  return Promise.all(posts);
}

/** Burst: everything at once, POST_CONCURRENCY_BURST requests in flight. */
async function postBurst(ctx: RunContext, tags: string[]): Promise<Posted[]> {
  const out: Posted[] = new Array<Posted>(tags.length);
  let next = 0;
  const worker = async () => {
    while (next < tags.length) {
      const index = next++;
      const tag = tags[index];
      if (tag !== undefined) out[index] = await postOne(ctx.control, tag, index);
    }
  };
  await Promise.all(Array.from({ length: POST_CONCURRENCY_BURST }, worker));
  return out;
}

function mirroredTags(messages: ControlMessage[]): Map<string, ControlMessage> {
  const found = new Map<string, ControlMessage>();
  for (const message of messages) {
    const tag = tagOf(message.content);
    if (tag !== null && !found.has(tag)) found.set(tag, message);
  }
  return found;
}

/** Waits (polling the emulator and in-process state, never Convex) until every surface has every signal. */
async function waitForDelivery(
  ctx: RunContext,
  tags: string[],
  timeoutMs: number,
  baseline: number,
): Promise<{ mirrored: Map<string, ControlMessage>; browser: Map<string, number> }> {
  const deadline = Date.now() + timeoutMs;
  let lastReport = Date.now();
  for (;;) {
    ctx.assertHealthy();
    // The world summary's count is cheap; the full message list is read once, at the end.
    const mirrorCount = (await customerMessageCount(ctx.control)) - baseline;
    const mirrored =
      mirrorCount >= tags.length || Date.now() > deadline
        ? mirroredTags(await ctx.control.messages(CUSTOMER_CHANNEL))
        : new Map<string, ControlMessage>();
    const browser =
      ctx.browser === null ? new Map<string, number>() : await ctx.browser.sightings();
    const subscribersDone = ctx.subscribers.complete(tags);
    const mirrorDone =
      mirrored.size > 0
        ? tags.filter((tag) => mirrored.has(tag)).length
        : Math.min(mirrorCount, tags.length - 1);
    const browserDone =
      ctx.browser === null ? tags.length : tags.filter((tag) => browser.has(tag)).length;
    if (
      subscribersDone === ctx.subscribers.size &&
      mirrorDone === tags.length &&
      browserDone === tags.length
    ) {
      return { mirrored, browser };
    }
    if (Date.now() > deadline) {
      ctx.say(
        `  timed out: subscribers complete ${subscribersDone}/${ctx.subscribers.size}, mirrored ${mirrorDone}/${tags.length}, browser ${browserDone}/${tags.length} — missing samples are reported as such`,
      );
      return { mirrored, browser };
    }
    if (Date.now() - lastReport > 5000) {
      lastReport = Date.now();
      ctx.say(
        `  waiting: subscribers complete ${subscribersDone}/${ctx.subscribers.size}, mirrored ${mirrorDone}/${tags.length}, browser ${browserDone}/${tags.length}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function customerMessageCount(control: ControlClient): Promise<number> {
  const world = await control.world();
  for (const guild of world.guilds) {
    const channel = guild.channels.find((candidate) => candidate.id === CUSTOMER_CHANNEL);
    if (channel !== undefined) return channel.messageCount;
  }
  throw new Error(`the emulator has no customer channel ${CUSTOMER_CHANNEL}`);
}

async function timings(admin: AdminClient, ids: string[]): Promise<Map<string, DeliveryTiming>> {
  const out = new Map<string, DeliveryTiming>();
  for (let i = 0; i < ids.length; i += 200) {
    const chunk = await admin.query(refs.deliveryTimings, {
      sourceMessageIds: ids.slice(i, i + 200),
    });
    for (const timing of chunk) out.set(timing.sourceMessageId, timing);
  }
  return out;
}

/** Posts the run's signals and gathers every timestamp of every signal. */
export async function runOnce(
  ctx: RunContext,
  spec: RunSpec,
): Promise<{
  records: SignalRecord[];
  startedAt: number;
  postedUntil: number;
  finishedAt: number;
}> {
  const count = spec.signals;
  const tags = Array.from(
    { length: count },
    (_, i) => `${ctx.runId}-${String(i).padStart(4, "0")}`,
  );
  const baseline = await customerMessageCount(ctx.control);
  const startedAt = Date.now();
  const posted =
    spec.mode === "steady" ? await postSteady(ctx, tags, spec.rate) : await postBurst(ctx, tags);
  const postedUntil = Date.now();
  const { mirrored, browser } = await waitForDelivery(ctx, tags, 30_000 + count * 100, baseline);
  const finishedAt = Date.now();
  const byId = await timings(
    ctx.admin,
    posted.map((post) => post.messageId),
  );
  const records = posted.map((post): SignalRecord => {
    const timing = byId.get(post.messageId);
    const delivery = timing?.deliveries[0];
    const mirrorMessage = mirrored.get(post.tag);
    const probe = ctx.subscribers.probeSighting(post.tag);
    return {
      tag: post.tag,
      messageId: post.messageId,
      postedAt: post.postedAt,
      sourceAt: post.sourceAt,
      ...(timing?.receivedAt === undefined ? {} : { receivedAt: timing.receivedAt }),
      ...(timing?.committedAt === undefined ? {} : { committedAt: timing.committedAt }),
      subscriberAt: ctx.subscribers.sightings(post.tag),
      ...(probe === undefined ? {} : { probeAt: probe }),
      ...(browser.has(post.tag) ? { browserAt: browser.get(post.tag) } : {}),
      ...(delivery?.botReceivedAt === undefined ? {} : { botReceivedAt: delivery.botReceivedAt }),
      ...(mirrorMessage === undefined ? {} : { mirroredAt: Date.parse(mirrorMessage.timestamp) }),
    };
  });
  return { records, startedAt, postedUntil, finishedAt };
}
