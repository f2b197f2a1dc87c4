import { captureLines, leakedSecrets } from "@g3/service-runtime/testing";
import { describe, expect, test } from "vitest";
import { createLogger } from "../../src/logger";

describe("the mirror's logger", () => {
  test("hides every secret field of the shared list, at every depth and in child bindings", () => {
    const { destination, lines } = captureLines();
    const logger = createLogger("info", "mirror-test", destination);
    expect(leakedSecrets(logger, lines)).toEqual([]);
  });

  test("keeps the service and instance on every line", () => {
    const { destination, lines } = captureLines();
    createLogger("info", "mirror-7", destination).info("hello");
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({
      service: "mirror",
      instanceId: "mirror-7",
    });
  });
});
