import { describe, expect, test } from "vitest";
import { loadConfig } from "../../src/config.js";

const valid = {
  DISCORD_MIRROR_TOKEN: "emulator.mirror.token-value-long-enough",
  DISCORD_CUSTOMER_GUILD_ID: "1196427313152131087",
  CONVEX_URL: "http://127.0.0.1:3210",
  CONVEX_SERVICE_SECRET: "a-service-secret-of-32-characters",
};

describe("loadConfig", () => {
  test("applies defaults", () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({
      MIRROR_HEALTH_PORT: 8082,
      MIRROR_UPLOAD_LIMIT_BYTES: 10 * 1024 * 1024,
      MIRROR_LEASE_MS: 60_000,
      MIRROR_SUMMARY: true,
      MIRROR_DRIFT_CHECK_MINUTES: 10,
      LOG_LEVEL: "info",
    });
    expect(config.MIRROR_INSTANCE_ID).toMatch(/:\d+$/);
  });

  test("names every bad variable and never echoes a secret", () => {
    const secret = "short";
    let message = "";
    try {
      loadConfig({ ...valid, CONVEX_SERVICE_SECRET: secret, DISCORD_CUSTOMER_GUILD_ID: "guild" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/CONVEX_SERVICE_SECRET/);
    expect(message).toMatch(/DISCORD_CUSTOMER_GUILD_ID/);
    expect(message).not.toContain(`"${secret}"`);
  });

  test("MIRROR_DRIFT_CHECK_MINUTES is parsed and bounded", () => {
    expect(
      loadConfig({ ...valid, MIRROR_DRIFT_CHECK_MINUTES: "2.5" }).MIRROR_DRIFT_CHECK_MINUTES,
    ).toBe(2.5);
    expect(() => loadConfig({ ...valid, MIRROR_DRIFT_CHECK_MINUTES: "0" })).toThrow(
      /MIRROR_DRIFT_CHECK_MINUTES/,
    );
  });

  test("MIRROR_SUMMARY=off turns the summary line off", () => {
    expect(loadConfig({ ...valid, MIRROR_SUMMARY: "off" }).MIRROR_SUMMARY).toBe(false);
  });
});
