import { captureLines, leakedSecrets } from "@g3/service-runtime/testing";
import { describe, expect, test } from "vitest";
import { createLogger } from "../src/logger";

describe("the collector's logger", () => {
  test("hides every secret field of the shared list, at every depth and in child bindings", () => {
    const { destination, lines } = captureLines();
    expect(leakedSecrets(createLogger("info", destination), lines)).toEqual([]);
  });

  test("names the service on every line", () => {
    const { destination, lines } = captureLines();
    createLogger("info", destination).info("hello");
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({ service: "collector", level: "info" });
  });
});
