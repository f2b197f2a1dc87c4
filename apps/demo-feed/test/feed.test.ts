import { DEMO_IDS, startEmulator, type RunningEmulator } from "@g3/discord-emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";
import { runFeed } from "../src/feed.js";
import { createLogger } from "../src/logger.js";
import { seededRandom } from "@g3/seeded-random";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator.close();
});

const channelId = DEMO_IDS.sourceVipSignals;

describe("runFeed against the emulator", () => {
  test("posts signals, replies, edits and deletes as the analyst", async () => {
    const before = await emulator.control.messages(channelId);
    const lines: string[] = [];
    const logger = createLogger("info", { write: (line: string) => void lines.push(line) });
    const result = await runFeed({
      control: emulator.control,
      channelId,
      authorId: DEMO_IDS.analystUser,
      intervalMs: 1,
      count: 40,
      rng: seededRandom(2024),
      logger,
      signal: new AbortController().signal,
    });
    expect(result).toEqual({ steps: 40, failures: 0 });

    const events = lines.map((line) => JSON.parse(line) as { event: string; messageId?: string });
    const count = (event: string) => events.filter((e) => e.event === event).length;
    expect(count("feed.signal")).toBeGreaterThan(0);
    expect(count("feed.follow_up")).toBeGreaterThan(0);
    expect(count("feed.edit")).toBeGreaterThan(0);
    expect(count("feed.delete")).toBeGreaterThan(0);

    const after = await emulator.control.messages(channelId);
    const posted = after.filter((m) => !before.some((b) => b.id === m.id));
    expect(posted).toHaveLength(
      count("feed.signal") + count("feed.follow_up") - count("feed.delete"),
    );
    expect(posted.every((m) => m.author.id === DEMO_IDS.analystUser)).toBe(true);
    expect(posted.some((m) => m.message_reference?.message_id !== undefined)).toBe(true);
    expect(posted.some((m) => m.edited_timestamp !== null)).toBe(true);
    expect(posted.some((m) => m.attachments.some((a) => a.content_type === "image/png"))).toBe(
      true,
    );
    const deleted = events.filter((e) => e.event === "feed.delete").map((e) => e.messageId);
    expect(posted.some((m) => deleted.includes(m.id))).toBe(false);
  });

  test("stops early when aborted", async () => {
    const stop = new AbortController();
    const running = runFeed({
      control: emulator.control,
      channelId,
      authorId: DEMO_IDS.analystUser,
      intervalMs: 60_000,
      count: 0,
      rng: seededRandom(1),
      logger: createLogger("silent"),
      signal: stop.signal,
    });
    setTimeout(() => stop.abort(), 50);
    expect(await running).toEqual({ steps: 1, failures: 0 });
  });

  test("a failing emulator is logged and the feed keeps going", async () => {
    const result = await runFeed({
      control: emulator.control,
      channelId: "1000000000000000001",
      authorId: DEMO_IDS.analystUser,
      intervalMs: 1,
      count: 3,
      rng: seededRandom(3),
      logger: createLogger("silent"),
      signal: new AbortController().signal,
    });
    expect(result).toEqual({ steps: 3, failures: 3 });
  });
});

describe("loadConfig", () => {
  test("flags override the environment", () => {
    const config = loadConfig({ DEMO_FEED_INTERVAL_MS: "9000", DEMO_FEED_COUNT: "4" }, [
      "--interval",
      "250",
      "--seed",
      "5",
    ]);
    expect(config).toMatchObject({ intervalMs: 250, count: 4, seed: 5, enabled: true, channelId });
  });

  test("--off and DEMO_FEED_ENABLED=false turn the feed off", () => {
    expect(loadConfig({}, ["--off"]).enabled).toBe(false);
    expect(loadConfig({ DEMO_FEED_ENABLED: "false" }, []).enabled).toBe(false);
  });

  test("a bad value names the variable", () => {
    expect(() => loadConfig({ DEMO_FEED_INTERVAL_MS: "fast" }, [])).toThrow(ConfigError);
    expect(() => loadConfig({ DEMO_FEED_INTERVAL_MS: "fast" }, [])).toThrow(
      /DEMO_FEED_INTERVAL_MS/,
    );
    expect(() => loadConfig({}, ["--bogus"])).toThrow(/bogus/);
  });
});
