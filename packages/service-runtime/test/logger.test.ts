import { describe, expect, test } from "vitest";
import {
  createServiceLogger,
  instanceLoggerFactory,
  REDACT_PATHS,
  REDACTED,
  SECRET_FIELD_NAMES,
} from "../src/index";
import { captureLines, leakedSecrets } from "../src/testing";

describe("createServiceLogger", () => {
  test("hides every secret field at every covered depth and in child bindings", () => {
    const { destination, lines } = captureLines();
    const logger = createServiceLogger({ service: "probe", level: "info", destination });
    expect(leakedSecrets(logger, lines)).toEqual([]);
    expect(lines.length).toBeGreaterThan(SECRET_FIELD_NAMES.length);
    expect(lines.join("")).toContain(REDACTED);
  });

  test("the probe sees a leak when nothing is redacted (it can fail)", async () => {
    const { pino } = await import("pino");
    const { destination, lines } = captureLines();
    const leaky = pino({ level: "info" }, destination);
    expect(leakedSecrets(leaky, lines)).toHaveLength(SECRET_FIELD_NAMES.length * 5);
  });

  test("keeps ordinary fields, the service name and extra base fields", () => {
    const { destination, lines } = captureLines();
    const logger = createServiceLogger({
      service: "mirror",
      level: "info",
      base: { instanceId: "mirror-1" },
      destination,
    });
    logger.info({ channelId: "123", headers: { "content-type": "application/json" } }, "posted");
    const line = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
    expect(line).toMatchObject({
      service: "mirror",
      instanceId: "mirror-1",
      level: "info",
      channelId: "123",
      headers: { "content-type": "application/json" },
      msg: "posted",
    });
    expect(typeof line.time).toBe("string");
  });

  test("header names with dashes are expressed as bracket paths", () => {
    expect(REDACT_PATHS).toContain('*.*["set-cookie"]');
    expect(REDACT_PATHS).toContain("*.*.*.authorization");
  });

  test("an instance logger names the service and its instance, and redacts like the rest", () => {
    const createLogger = instanceLoggerFactory("tracker");
    const { destination, lines } = captureLines();
    createLogger("info", "tracker-2", destination).info("tick");
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({
      service: "tracker",
      instanceId: "tracker-2",
      msg: "tick",
    });
    const probe = captureLines();
    expect(
      leakedSecrets(createLogger("info", "tracker-3", probe.destination), probe.lines),
    ).toEqual([]);
  });
});
