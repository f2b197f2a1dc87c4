import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";
import { describe, expect, test } from "vitest";
import { classifyDiscordError, errorReport } from "../../src/discord-errors.js";

const apiError = (code: number, status: number) =>
  new DiscordAPIError({ code, message: `error ${code}` }, code, status, "POST", "/x", {
    body: undefined,
    files: undefined,
  });

describe("classifyDiscordError", () => {
  test("missing access, missing permissions and unknown channel are permanent", () => {
    for (const code of [50001, 50013, 10003]) {
      expect(classifyDiscordError(apiError(code, 403))).toMatchObject({ kind: "permanent", code });
    }
    expect(classifyDiscordError(apiError(50013, 403)).message).toMatch(/Missing Permissions/);
  });

  test("unknown message, edit cap and too large get their own handling", () => {
    expect(classifyDiscordError(apiError(10008, 404)).kind).toBe("message_gone");
    expect(classifyDiscordError(apiError(30046, 400)).kind).toBe("edit_cap");
    expect(classifyDiscordError(apiError(40005, 413)).kind).toBe("too_large");
  });

  test("5xx, timeouts and long rate limits are transient; rate limits carry Retry-After", () => {
    expect(
      classifyDiscordError(
        new HTTPError(502, "Bad Gateway", "POST", "/x", { body: undefined, files: undefined }),
      ).kind,
    ).toBe("transient");
    expect(classifyDiscordError(apiError(0, 503)).kind).toBe("transient");
    const abort = new Error("The operation was aborted");
    abort.name = "AbortError";
    expect(classifyDiscordError(abort)).toMatchObject({
      kind: "transient",
      message: "AbortError: The operation was aborted",
    });
    const limited = new RateLimitError({
      timeToReset: 9000,
      limit: 5,
      method: "POST",
      hash: "h",
      url: "/x",
      route: "/channels/:id/messages",
      majorParameter: "1",
      global: false,
      retryAfter: 9000,
      sublimitTimeout: 0,
      scope: "user",
    });
    expect(classifyDiscordError(limited)).toMatchObject({
      kind: "transient",
      code: 429,
      retryAfterMs: 9000,
    });
  });

  test("other client errors are permanent instead of looping", () => {
    expect(classifyDiscordError(apiError(50006, 400)).kind).toBe("permanent");
  });
});

describe("errorReport", () => {
  test("only a transient failure is retried, after Discord's Retry-After when it gave one", () => {
    expect(
      errorReport({ kind: "transient", message: "rate limited", code: 429, retryAfterMs: 9000 }),
    ).toEqual({ kind: "transient", message: "rate limited", code: 429, retryAfterMs: 9000 });
    expect(errorReport({ kind: "transient", message: "AbortError: aborted" })).toEqual({
      kind: "transient",
      message: "AbortError: aborted",
    });
  });

  test("every kind the worker did not handle itself is reported permanent, with its code", () => {
    for (const kind of ["permanent", "message_gone", "edit_cap", "too_large"] as const) {
      expect(errorReport({ kind, message: "no", code: 10008 })).toEqual({
        kind: "permanent",
        message: "no",
        code: 10008,
      });
    }
  });
});
