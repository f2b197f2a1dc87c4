import { describe, expect, it } from "vitest";
import { isRefusedDiscordToken } from "../src/discord-login";

describe("isRefusedDiscordToken", () => {
  it("is true only for what a person must fix: a token Discord refuses", () => {
    expect(
      isRefusedDiscordToken(Object.assign(new Error("invalid"), { code: "TokenInvalid" })),
    ).toBe(true);
    expect(
      isRefusedDiscordToken(Object.assign(new Error("missing"), { code: "TokenMissing" })),
    ).toBe(true);
    expect(
      isRefusedDiscordToken(Object.assign(new Error("401: Unauthorized"), { status: 401 })),
    ).toBe(true);
    for (const passing of [
      Object.assign(new Error("Service Unavailable"), { status: 503 }),
      Object.assign(new Error("rate limited"), { status: 429 }),
      new Error("This operation was aborted"),
      Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
      "a string",
      null,
    ]) {
      expect(isRefusedDiscordToken(passing)).toBe(false);
    }
  });
});
