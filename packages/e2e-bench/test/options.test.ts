import { describe, expect, test } from "vitest";
import { parseOptions } from "../src/options.js";

describe("parseOptions", () => {
  test("quick defaults", () => {
    expect(parseOptions([], "/out")).toEqual({
      stored: [1000],
      subscribers: [1, 10],
      mode: ["steady"],
      signals: 40,
      burst: 500,
      rate: 20,
      browser: true,
      discordRateLimits: false,
      cpuProf: false,
      out: "/out",
    });
  });

  test("--full is the issue's matrix; explicit flags win and lists are sorted", () => {
    expect(parseOptions(["--full"], "/out")).toMatchObject({
      stored: [1000, 100000],
      subscribers: [1, 100, 500],
      mode: ["steady", "burst"],
      signals: 200,
    });
    expect(
      parseOptions(["--full", "--subscribers", "500,1,1", "--mode", "burst", "--no-browser"], "/o"),
    ).toMatchObject({ subscribers: [1, 500], mode: ["burst"], browser: false });
  });

  test("bad input names the flag", () => {
    expect(() => parseOptions(["--stored", "abc"], "/o")).toThrow(/--stored/);
    expect(() => parseOptions(["--mode", "spike"], "/o")).toThrow(/--mode/);
    expect(() => parseOptions(["--subscribers", "0"], "/o")).toThrow(/--subscribers/);
    expect(() => parseOptions(["--bogus"], "/o")).toThrow(/bogus/);
    expect(parseOptions(["--help"], "/o")).toBe("help");
    expect(parseOptions(["--", "--stored", "5"], "/o")).toMatchObject({ stored: [5] });
  });
});
