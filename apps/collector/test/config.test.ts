import { describe, expect, test } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

const VALID = {
  DISCORD_COLLECTOR_TOKEN: "token",
  CONVEX_URL: "http://127.0.0.1:3210",
  CONVEX_SERVICE_SECRET: "a-long-enough-secret",
};

describe("loadConfig", () => {
  test("applies defaults", () => {
    const config = loadConfig(VALID);
    expect(config).toMatchObject({
      discordApiUrl: undefined,
      health: { host: "127.0.0.1", port: 8081 },
      attachments: { maxBytes: 10 * 1024 * 1024 },
      backfill: {
        initialMessages: 100,
        recheck: { windowMs: 14 * 24 * 60 * 60 * 1000, maxMessages: 20_000 },
        olderHistory: true,
      },
      writeWindow: 32,
      logLevel: "info",
    });
    expect(config.attachments.allowedTypes.has("image/png")).toBe(true);
    expect(config.allowedBotIds.size).toBe(0);
  });

  test("parses lists and numbers", () => {
    const config = loadConfig({
      ...VALID,
      DISCORD_API_URL: "http://127.0.0.1:3300/api",
      ATTACHMENT_ALLOWED_TYPES: "image/PNG, application/pdf",
      ATTACHMENT_MAX_BYTES: "1024",
      COLLECTOR_ALLOWED_BOT_IDS: "1196424544911491076",
      COLLECTOR_HEALTH_PORT: "0",
      INGEST_WRITE_WINDOW: "1",
    });
    expect([...config.attachments.allowedTypes]).toEqual(["image/png", "application/pdf"]);
    expect(config.attachments.maxBytes).toBe(1024);
    expect([...config.allowedBotIds]).toEqual(["1196424544911491076"]);
    expect(config.health.port).toBe(0);
    expect(config.writeWindow).toBe(1);
    expect(config.discordApiUrl).toBe("http://127.0.0.1:3300/api");
  });

  test("the recheck window is in days (fractions allowed), 0 to 90", () => {
    expect(loadConfig({ ...VALID, BACKFILL_RECHECK_DAYS: "0.5" }).backfill.recheck.windowMs).toBe(
      12 * 60 * 60 * 1000,
    );
    expect(loadConfig({ ...VALID, BACKFILL_RECHECK_DAYS: "0" }).backfill.recheck.windowMs).toBe(0);
    for (const bad of ["-1", "91", "two weeks"]) {
      expect(() => loadConfig({ ...VALID, BACKFILL_RECHECK_DAYS: bad })).toThrow(
        /BACKFILL_RECHECK_DAYS/,
      );
    }
    expect(() => loadConfig({ ...VALID, BACKFILL_RECHECK_MAX_MESSAGES: "0" })).toThrow(
      /BACKFILL_RECHECK_MAX_MESSAGES/,
    );
  });

  test("the older-history recheck is on unless turned off in words", () => {
    const olderHistory = (value: string) =>
      loadConfig({ ...VALID, BACKFILL_RECHECK_OLDER_HISTORY: value }).backfill.olderHistory;
    expect(olderHistory("false")).toBe(false);
    expect(olderHistory("true")).toBe(true);
    expect(() => olderHistory("0")).toThrow(/BACKFILL_RECHECK_OLDER_HISTORY: must be "true"/);
  });

  test("names every missing or bad variable, and treats empty as missing", () => {
    let message = "";
    try {
      loadConfig({
        CONVEX_URL: "not a url",
        DISCORD_COLLECTOR_TOKEN: "",
        ATTACHMENT_MAX_BYTES: "-1",
        INGEST_WRITE_WINDOW: "0",
      });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as ConfigError).message;
    }
    expect(message).toContain("DISCORD_COLLECTOR_TOKEN");
    expect(message).toContain("CONVEX_URL");
    expect(message).toContain("CONVEX_SERVICE_SECRET");
    expect(message).toContain("ATTACHMENT_MAX_BYTES");
    expect(message).toContain("INGEST_WRITE_WINDOW");
    expect(message).not.toContain("a-long-enough-secret");
  });

  test("never echoes a secret value in the error", () => {
    let message = "";
    try {
      loadConfig({ ...VALID, CONVEX_SERVICE_SECRET: "zq9x" });
    } catch (error) {
      message = (error as ConfigError).message;
    }
    expect(message).toContain("CONVEX_SERVICE_SECRET: must be at least 8 characters");
    expect(message).not.toContain("zq9x");
  });
});
