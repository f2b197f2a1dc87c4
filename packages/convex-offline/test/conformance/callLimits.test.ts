// Convex's 16 MiB limits on a call's arguments and on its return value (src/engine/callLimits.ts),
// each passed by one byte of Convex's size measure, through the real clients; nested calls from an
// action are held to them too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Backend } from "../../src/backend.js";
import { httpClient, wsClient, failureMessage } from "../helpers.js";
import { api } from "./app/convex/_generated/api.js";
import { serveApp } from "./serve.js";

const MIB = 1 << 20;
const LIMIT = 16 * MIB;
/** Convex's size of a string is its length plus 2; of `[{payload: s}]`, its length plus 14. */
const RESULT_AT_LIMIT = LIMIT - 2;
const PAYLOAD_AT_LIMIT = LIMIT - 14;
const REQUEST_ID = String.raw`\[Request ID: [0-9a-f]{16}\] Server Error`;

describe("argument and return value sizes", () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await serveApp("module");
  });
  afterAll(async () => {
    await backend?.close();
  });

  it("returns 16 MiB, and refuses one byte more with Convex's text", async () => {
    const client = httpClient(backend);
    expect(await client.query(api.failures.big, { size: RESULT_AT_LIMIT })).toHaveLength(
      RESULT_AT_LIMIT,
    );
    expect(
      await failureMessage(client.query(api.failures.big, { size: RESULT_AT_LIMIT + 1 })),
    ).toMatch(
      new RegExp(
        `^${REQUEST_ID}\\nFunction failures\\.js:big return value is too large \\(actual: 16 MiB, limit: 16 MiB\\)\\n$`,
      ),
    );
  });

  it("takes 16 MiB of arguments, and refuses one byte more, over HTTP and the socket", async () => {
    expect(
      await httpClient(backend).mutation(api.failures.take, {
        payload: "x".repeat(PAYLOAD_AT_LIMIT),
      }),
    ).toBeNull();
    const tooLarge = { payload: "x".repeat(PAYLOAD_AT_LIMIT + 1) };
    const text = String.raw`Arguments for failures\.js:take are too large \(actual: 16 MiB, limit: 16 MiB\)`;
    expect(await failureMessage(httpClient(backend).mutation(api.failures.take, tooLarge))).toMatch(
      new RegExp(`^${REQUEST_ID}\\n${text}\\n$`),
    );
    const client = wsClient(backend);
    try {
      expect(await failureMessage(client.mutation(api.failures.take, tooLarge))).toMatch(
        new RegExp(`^\\[CONVEX M\\(failures:take\\)\\] ${REQUEST_ID}\\n${text}\\n`),
      );
    } finally {
      await client.close();
    }
  });

  it("holds an action's ctx.runQuery and ctx.runMutation to the limits", async () => {
    const client = httpClient(backend);
    const result = await failureMessage(
      client.action(api.failures.nestedTooLarge, { what: "result", size: 17 * MIB }),
    );
    // Not caught by the action: uncaught there.
    expect(result).toMatch(
      new RegExp(
        `^${REQUEST_ID}\\nUncaught Error: Function failures\\.js:big return value is too large \\(actual: 17 MiB, limit: 16 MiB\\)\\n`,
      ),
    );
    const args = await failureMessage(
      client.action(api.failures.nestedTooLarge, { what: "args", size: 17 * MIB }),
    );
    expect(args).toMatch(
      new RegExp(
        `^${REQUEST_ID}\\nUncaught Error: Arguments for failures\\.js:take are too large \\(actual: 17 MiB, limit: 16 MiB\\)\\n`,
      ),
    );
  });
});
