import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Backend } from "../src/backend.js";
import { MAIN_APP_DIR, startFixture, wsClient } from "./helpers.js";
import { makeFunctionReference } from "convex/server";

let backend: Backend;
beforeAll(async () => {
  backend = await startFixture({
    functionsDir: MAIN_APP_DIR,
    env: {
      CONVEX_SERVICE_SECRET: "test-service-secret-0123456789abcdef",
      ADMIN_EMAILS: "admin@example.com",
    },
  });
});
afterAll(async () => {
  await backend.close();
});

describe("the real top-level app", () => {
  it("serves users:viewer to an anonymous client as null", async () => {
    const client = wsClient(backend);
    try {
      expect(await client.query(makeFunctionReference<"query">("users:viewer"), {})).toBeNull();
    } finally {
      await client.close();
    }
  });
});
