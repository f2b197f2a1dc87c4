import { api } from "@convex/_generated/api";
import type { Backend } from "@g3/convex-offline";
import { startAppBackend } from "@g3/dev-stack";
import { ConvexHttpClient } from "convex/browser";
import { ConvexError } from "convex/values";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readAppError } from "./app-error";
import { authErrorMessage } from "./auth-errors";

/** What a call threw, for reading. */
async function failure(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error("the call succeeded");
}

describe("our errors after the round trip through the real Convex client", () => {
  let backend: Backend;
  let client: ConvexHttpClient;

  beforeAll(async () => {
    backend = await startAppBackend({ env: { CONVEX_SERVICE_SECRET: "the-right-secret" } });
    client = new ConvexHttpClient(backend.url);
  }, 120_000);

  afterAll(async () => {
    await backend.close();
  });

  test("an admin page's query read anonymously is UNAUTHENTICATED, by code", async () => {
    const error = await failure(
      client.query(api.audit.list, { paginationOpts: { numItems: 1, cursor: null } }),
    );
    expect(readAppError(error)?.code).toBe("UNAUTHENTICATED");
  });

  test("a bot function called with the wrong secret is FORBIDDEN, by code", async () => {
    const error = await failure(client.query(api.ingest.watchedChannels, { secret: "wrong" }));
    expect(readAppError(error)).toEqual({ code: "FORBIDDEN", message: "Invalid service secret" });
  });
});

describe("readAppError", () => {
  test("reads the data of a ConvexError with a known code", () => {
    const error = new ConvexError({ code: "NOT_FOUND", message: "No such tier." });
    expect(readAppError(error)).toEqual({ code: "NOT_FOUND", message: "No such tier." });
  });

  test("reads the JSON the /api/auth proxy leaves in a sign-in error's text", () => {
    const data = {
      code: "WEAK_PASSWORD",
      message: 'Repeated characters like "aaa" are easy to guess.',
    };
    const error = new Error(
      `[Request ID: 1] Server Error\nUncaught ConvexError: ${JSON.stringify(data)}`,
    );
    expect(readAppError(error)).toEqual(data);
    expect(authErrorMessage(error)).toBe(data.message);
  });

  test("is null for a code outside the vocabulary, a plain error or no JSON at all", () => {
    expect(readAppError(new ConvexError({ code: "SOMETHING_ELSE", message: "x" }))).toBeNull();
    expect(readAppError(new Error("FORBIDDEN"))).toBeNull();
    expect(readAppError(new Error("oops {not json}"))).toBeNull();
    expect(readAppError(undefined)).toBeNull();
  });
});
