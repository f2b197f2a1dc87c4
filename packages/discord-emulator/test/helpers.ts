// Test helpers: an emulator with test-friendly settings and real discord.js clients configured per
// the team note (no identify throttle, short heartbeat, no client-side global cap).
import {
  Client,
  Events,
  GatewayIntentBits,
  Partials,
  type ClientEvents,
  type ClientOptions,
} from "discord.js";
import {
  demoWorld,
  DEMO_TOKENS,
  startEmulator,
  type RunningEmulator,
  type TWorldSpecInput,
} from "../src/index.js";

export const TEST_SETTINGS = {
  heartbeatIntervalMs: 400,
  rateLimits: { enabled: false },
};

export function testWorld(settings: Record<string, unknown> = {}): TWorldSpecInput {
  return { ...demoWorld, settings: { ...TEST_SETTINGS, ...settings } };
}

export async function startTestEmulator(
  settings: Record<string, unknown> = {},
): Promise<RunningEmulator> {
  return startEmulator({ world: testWorld(settings), logLevel: "silent" });
}

export const COLLECTOR_INTENTS =
  GatewayIntentBits.Guilds |
  GatewayIntentBits.GuildMessages |
  GatewayIntentBits.MessageContent |
  GatewayIntentBits.GuildMembers;
export const MIRROR_INTENTS =
  GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.GuildMembers;

export function makeClient(
  emu: RunningEmulator,
  intents: number,
  extra: Partial<ClientOptions> = {},
): Client {
  return new Client({
    intents,
    partials: [Partials.Message, Partials.Channel, Partials.GuildMember],
    ...extra,
    rest: { api: emu.apiUrl, globalRequestsPerSecond: Infinity, ...extra.rest },
    ws: {
      buildIdentifyThrottler: () => Promise.resolve({ waitForIdentify: async () => {} }),
      ...extra.ws,
    },
  });
}

export async function login(client: Client, token: string): Promise<Client<true>> {
  const ready = once(client, Events.ClientReady);
  await client.login(token);
  await ready;
  if (!client.isReady()) throw new Error("client not ready");
  return client;
}

export async function loginCollector(emu: RunningEmulator, extra: Partial<ClientOptions> = {}) {
  return login(makeClient(emu, COLLECTOR_INTENTS, extra), DEMO_TOKENS.collector);
}

export async function loginMirror(emu: RunningEmulator, extra: Partial<ClientOptions> = {}) {
  return login(makeClient(emu, MIRROR_INTENTS, extra), DEMO_TOKENS.mirror);
}

/** Resolves with the first event's args matching `filter`, rejects after `timeoutMs`. */
export function once<E extends keyof ClientEvents>(
  client: Client,
  event: E,
  filter: (...args: ClientEvents[E]) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<ClientEvents[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off(event, listener);
      reject(new Error(`timed out waiting for ${String(event)}`));
    }, timeoutMs);
    const listener = (...args: ClientEvents[E]) => {
      if (!filter(...args)) return;
      clearTimeout(timer);
      client.off(event, listener);
      resolve(args);
    };
    client.on(event, listener);
  });
}

/** Collects events into an array until stopped. */
export function collect<E extends keyof ClientEvents>(
  client: Client,
  event: E,
): { items: ClientEvents[E][]; stop: () => void } {
  const items: ClientEvents[E][] = [];
  const listener = (...args: ClientEvents[E]) => {
    items.push(args);
  };
  client.on(event, listener);
  return { items, stop: () => client.off(event, listener) };
}

export async function waitUntil(
  check: () => boolean,
  timeoutMs = 5_000,
  what = "condition",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
