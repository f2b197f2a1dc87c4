// Benchmark: dispatch latency and REST round trips through real discord.js clients.
// Run: pnpm --filter @g3/discord-emulator bench   (BENCH_N=1000 by default)
import { cpus } from "node:os";
import {
  Client,
  Events,
  GatewayIntentBits,
  Partials,
  type Message,
  type TextChannel,
} from "discord.js";
import {
  demoWorld,
  DEMO_IDS,
  DEMO_TOKENS,
  startEmulator,
  type RunningEmulator,
} from "../src/index.js";

const N = Number(process.env.BENCH_N ?? 1000);
const WARMUP = 50;

type Stats = { name: string; n: number; p50: number; p95: number; p99: number; mean: number };

function stats(name: string, samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return {
    name,
    n: sorted.length,
    p50: r(at(0.5)),
    p95: r(at(0.95)),
    p99: r(at(0.99)),
    mean: r(mean),
  };
}

async function login(emu: RunningEmulator, token: string, intents: number): Promise<Client<true>> {
  const client = new Client({
    intents,
    partials: [Partials.Message],
    rest: { api: emu.apiUrl, globalRequestsPerSecond: Infinity },
    ws: { buildIdentifyThrottler: () => Promise.resolve({ waitForIdentify: async () => {} }) },
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  await ready;
  if (!client.isReady()) throw new Error("not ready");
  return client;
}

function nextMessage(client: Client, match: (m: Message) => boolean): Promise<number> {
  return new Promise((resolve) => {
    const listener = (m: Message) => {
      if (!match(m)) return;
      client.off(Events.MessageCreate, listener);
      resolve(performance.now());
    };
    client.on(Events.MessageCreate, listener);
  });
}

async function measure(name: string, run: (i: number) => Promise<number>): Promise<Stats> {
  for (let i = 0; i < WARMUP; i += 1) await run(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < N; i += 1) samples.push(await run(i));
  return stats(name, samples);
}

async function main(): Promise<void> {
  const emu = await startEmulator({
    world: { ...demoWorld, settings: { rateLimits: { enabled: false } } },
    logLevel: "silent",
  });
  const loginStart = performance.now();
  const collector = await login(
    emu,
    DEMO_TOKENS.collector,
    GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.MessageContent,
  );
  const loginMs = performance.now() - loginStart;
  const mirror = await login(
    emu,
    DEMO_TOKENS.mirror,
    GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages,
  );
  const channel = mirror.channels.cache.get(DEMO_IDS.customerVipSignals) as TextChannel;
  const results: Stats[] = [];

  results.push(
    await measure("control POST → messageCreate (HTTP + dispatch)", async (i) => {
      const content = `ctl ${i}`;
      const seen = nextMessage(collector, (m) => m.content === content);
      const t0 = performance.now();
      await emu.control.postMessage(DEMO_IDS.sourceVipSignals, {
        authorId: DEMO_IDS.analystUser,
        content,
      });
      return (await seen) - t0;
    }),
  );
  results.push(
    await measure("world post (in-process) → messageCreate (dispatch only)", async (i) => {
      const content = `wp ${i}`;
      const seen = nextMessage(collector, (m) => m.content === content);
      const t0 = performance.now();
      emu.world.createMessage({
        channelId: DEMO_IDS.sourceVipSignals,
        authorId: DEMO_IDS.analystUser,
        content,
      });
      return (await seen) - t0;
    }),
  );
  let lastId = "";
  results.push(
    await measure("channel.send() round trip", async (i) => {
      const t0 = performance.now();
      lastId = (await channel.send(`send ${i}`)).id;
      return performance.now() - t0;
    }),
  );
  results.push(
    await measure("channel.messages.edit(id) round trip", async (i) => {
      const t0 = performance.now();
      await channel.messages.edit(lastId, `edit ${i}`);
      return performance.now() - t0;
    }),
  );

  const burst = 5_000;
  let received = 0;
  const done = new Promise<number>((resolve) => {
    const listener = (m: Message) => {
      if (!m.content.startsWith("burst ")) return;
      received += 1;
      if (received === burst) {
        collector.off(Events.MessageCreate, listener);
        resolve(performance.now());
      }
    };
    collector.on(Events.MessageCreate, listener);
  });
  const t0 = performance.now();
  for (let i = 0; i < burst; i += 1)
    emu.world.createMessage({
      channelId: DEMO_IDS.sourceFreeChat,
      authorId: DEMO_IDS.analystUser,
      content: `burst ${i}`,
    });
  const burstMs = (await done) - t0;

  await Promise.all([collector.destroy(), mirror.destroy()]);
  await emu.close();

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}`;
  process.stdout.write(
    `\nDate: ${new Date().toISOString()}\nMachine: ${machine}\nN = ${N} (after ${WARMUP} warm-up)\n\n`,
  );
  process.stdout.write(
    "| Measurement | p50 ms | p95 ms | p99 ms | mean ms |\n|---|---|---|---|---|\n",
  );
  for (const s of results)
    process.stdout.write(`| ${s.name} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.mean} |\n`);
  process.stdout.write(`\nlogin → clientReady (cold, first client): ${loginMs.toFixed(1)} ms\n`);
  process.stdout.write(
    `${burst}-message burst delivered in ${burstMs.toFixed(0)} ms (${Math.round((burst / burstMs) * 1000)} events/s)\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
