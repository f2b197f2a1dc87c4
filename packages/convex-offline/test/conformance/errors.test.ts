// Convex's error texts, asserted through the real clients: the `[Request ID: …] Server Error`
// wrapper with `Uncaught Error: …` and the app's stack frames (redacted to the first line on
// request), argument and return validation (convex-backend common/src/schemas/validator.rs,
// udf/src/validation.rs, model/src/modules/function_validators.rs), unknown and internal
// functions, wrong kinds.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFunctionReference } from "convex/server";
import { WebSocket } from "ws";
import { ConvexError } from "convex/values";
import { type Backend } from "../../src/backend.js";
import { httpClient, wsClient, failureMessage } from "../helpers.js";
import { api } from "./app/convex/_generated/api.js";
import { APP_SOURCE, MODULE_FORMATS } from "./materialize.js";
import { serveApp } from "./serve.js";

const REQUEST_ID = "\\[Request ID: [0-9a-f]{16}\\] Server Error";

/** `line:column` of the first occurrence of `code` in the app's failures.ts (V8's 1-based). */
function positionOf(code: string): string {
  const lines = readFileSync(join(APP_SOURCE, "failures.ts"), "utf8").split("\n");
  const index = lines.findIndex((line) => line.includes(code));
  return `${index + 1}:${(lines[index] ?? "").indexOf(code) + 1}`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const SEND_VALIDATOR = "v.object({author: v.string(), body: v.string(), channel: v.string()})";

describe.each(MODULE_FORMATS)("errors of a %s app", (format) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await serveApp(format);
  });
  afterAll(async () => {
    await backend?.close();
  });

  it("wraps a thrown error as Convex does: request ID, Uncaught Error, the app's frames", async () => {
    const client = wsClient(backend);
    try {
      const message = await failureMessage(client.mutation(api.failures.throws, {}));
      // The client adds "[CONVEX M(…)] " and "\n  Called by client"; the rest is the server's.
      expect(message).toMatch(
        new RegExp(
          `^\\[CONVEX M\\(failures:throws\\)\\] ${REQUEST_ID}\\nUncaught Error: boom\\n` +
            escape(`    at handler (../convex/failures.ts:${positionOf("new Error")})\n`) +
            "\\n  Called by client$",
        ),
      );
    } finally {
      await client.close();
    }
    const overHttp = await failureMessage(httpClient(backend).mutation(api.failures.throws, {}));
    expect(overHttp).toMatch(new RegExp(`^${REQUEST_ID}\\nUncaught Error: boom\\n    at handler `));
  });

  it("shows the frames of helpers too, and keeps a ConvexError's name and data", async () => {
    const later = await failureMessage(httpClient(backend).query(api.failures.throwsInHelper, {}));
    expect(later).toMatch(
      new RegExp(
        `^${REQUEST_ID}\\nUncaught TypeError: later\\n` +
          escape(`    at failLater (../convex/failures.ts:${positionOf("new TypeError")})\n`) +
          // V8 marks the awaiting frame "async" where it keeps async stack traces; Node here may not.
          "    at (async )?" +
          escape(`handler (../convex/failures.ts:${positionOf("await failLater")})\n`) +
          "$",
      ),
    );
    const client = wsClient(backend);
    try {
      const error = await client.mutation(api.failures.throwsConvexError, {}).then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(ConvexError);
      expect((error as { data?: unknown }).data).toEqual({ code: "NOT_ALLOWED", retryAt: 5n });
      expect((error as Error).message).toMatch(
        new RegExp(
          `^\\[CONVEX M\\(failures:throwsConvexError\\)\\] ${REQUEST_ID}\\nUncaught ConvexError: \\{"code":"NOT_ALLOWED","retryAt":"5n"\\}\\n    at handler `,
        ),
      );
    } finally {
      await client.close();
    }
  });

  it("derives a socket mutation's request ID from the session and request, as Convex does", async () => {
    const socket = new WebSocket(`${backend.url.replace("http", "ws")}/api/1.48.0/sync`);
    try {
      const response = new Promise<{ result: string }>((resolve) => {
        socket.on("message", (data: Buffer) => {
          const message = JSON.parse(data.toString()) as { type: string; result: string };
          if (message.type === "MutationResponse") resolve(message);
        });
      });
      await new Promise((resolve) => socket.once("open", resolve));
      const send = (message: unknown) => socket.send(JSON.stringify(message));
      send({
        type: "Connect",
        sessionId: "6f1c8a52-request-id",
        connectionCount: 0,
        lastCloseReason: null,
        clientTs: Date.now(),
      });
      send({ type: "Mutation", requestId: 7, udfPath: "failures:throws", args: [{}] });
      const expected = createHash("sha256")
        .update("6f1c8a52-request-id|7")
        .digest("hex")
        .slice(0, 16);
      expect((await response).result).toMatch(
        new RegExp(`^\\[Request ID: ${expected}\\] Server Error\\nUncaught Error: boom\\n`),
      );
    } finally {
      socket.close();
    }
  });

  it("answers a failed query subscription with the same wrapper", async () => {
    const client = wsClient(backend);
    try {
      const message = await new Promise<string>((resolve) => {
        const unsubscribe = client.onUpdate(
          api.failures.throwsInHelper,
          {},
          () => {},
          (error) => {
            unsubscribe();
            resolve(error.message);
          },
        );
      });
      expect(message).toMatch(
        new RegExp(
          `^\\[CONVEX Q\\(failures:throwsInHelper\\)\\] ${REQUEST_ID}\\nUncaught TypeError: later\\n`,
        ),
      );
    } finally {
      await client.close();
    }
  });

  it("answers an HTTP action that threw with Convex's 500 JSON", async () => {
    const response = await fetch(`${backend.siteUrl}/throws`);
    expect(response.status).toBe(500);
    const body = (await response.json()) as { code: string; trace: string };
    expect(body.code).toMatch(new RegExp(`^${REQUEST_ID}: Uncaught Error: http boom$`));
    expect(body.trace).toMatch(
      // The handler is an anonymous arrow: the frame is its location alone.
      /^Uncaught Error: http boom\n {4}at \.\.\/convex\/http\.ts:\d+:\d+\n$/,
    );
  });

  it("reports the backend's own errors about a call without 'Uncaught'", async () => {
    const missing = makeFunctionReference<"query">("messages:nope");
    expect(await failureMessage(httpClient(backend).query(missing, {}))).toMatch(
      new RegExp(`^${REQUEST_ID}\\nCould not find public function for 'messages:nope'\\.\\n$`),
    );
    const send = makeFunctionReference<"mutation">("messages:send");
    expect(await failureMessage(httpClient(backend).mutation(send, {}))).toMatch(
      new RegExp(`^${REQUEST_ID}\\nArgumentValidationError: Object is missing the required field`),
    );
  });

  it("names a missing required field with the object and the validator", async () => {
    const send = makeFunctionReference<"mutation">("messages:send");
    const message = await failureMessage(
      httpClient(backend).mutation(send, { channel: "c", body: "hi" }),
    );
    expect(message).toContain(
      "ArgumentValidationError: Object is missing the required field `author`. Consider wrapping the field validator in `v.optional(...)` if this is expected.\n\n" +
        `Object: {body: "hi", channel: "c"}\nValidator: ${SEND_VALIDATOR}`,
    );
  });

  it("gives the path of a nested mismatch, over the socket too", async () => {
    const client = wsClient(backend);
    try {
      const send = makeFunctionReference<"mutation">("messages:send");
      const message = await failureMessage(
        client.mutation(send, { channel: "c", author: "a", body: 5 }),
      );
      expect(message).toContain(
        "ArgumentValidationError: Value does not match validator.\nPath: .body\nValue: 5.0\nValidator: v.string()",
      );
    } finally {
      await client.close();
    }
  });

  it("names an extra field", async () => {
    const send = makeFunctionReference<"mutation">("messages:send");
    const message = await failureMessage(
      httpClient(backend).mutation(send, { channel: "c", author: "a", body: "b", x: 1 }),
    );
    expect(message).toContain(
      "ArgumentValidationError: Object contains extra field `x` that is not in the validator.\n\n" +
        `Object: {author: "a", body: "b", channel: "c", x: 1.0}\nValidator: ${SEND_VALIDATOR}`,
    );
  });

  it("tells an ID of another table from a string that is no ID", async () => {
    const client = httpClient(backend);
    const note = await client.mutation(api.notes.add, { text: "n" });
    const get = makeFunctionReference<"query">("messages:get");
    expect(await failureMessage(client.query(get, { id: note }))).toContain(
      `ArgumentValidationError: Found ID "${note}" from table \`notes\`, which does not match the table name in validator \`v.id("messages")\`.Path: .id`,
    );
    expect(await failureMessage(client.query(get, { id: "nonsense" }))).toContain(
      'ArgumentValidationError: Value does not match validator.\nPath: .id\nValue: "nonsense"\nValidator: v.id("messages")',
    );
  });

  it("reports a return value its validator rejects", async () => {
    expect(await failureMessage(httpClient(backend).query(api.messages.wrongReturn, {}))).toContain(
      "ReturnsValidationError: Value does not match validator.\n\nValue: 42.0\nValidator: v.string()",
    );
  });

  it("answers unknown and internal functions alike, so internal ones stay hidden", async () => {
    const client = httpClient(backend);
    const missing = makeFunctionReference<"query">("messages:nope");
    const internal = makeFunctionReference<"query">("messages:secret");
    expect(await failureMessage(client.query(missing, {}))).toContain(
      "Could not find public function for 'messages:nope'.",
    );
    expect(await failureMessage(client.query(internal, {}))).toContain(
      "Could not find public function for 'messages:secret'.",
    );
  });

  it("names both kinds when a function is called as another kind", async () => {
    const list = makeFunctionReference<"mutation">("messages:list");
    expect(await failureMessage(httpClient(backend).mutation(list, { channel: "c" }))).toContain(
      "Trying to execute messages:list as Mutation, but it is defined as Query.",
    );
  });
});

describe("errors of an app that redacts them (a production deployment)", () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await serveApp("module", { redactErrors: true });
  });
  afterAll(async () => {
    await backend?.close();
  });

  it("sends only the request ID line, and a ConvexError's data still", async () => {
    expect(await failureMessage(httpClient(backend).mutation(api.failures.throws, {}))).toMatch(
      new RegExp(`^${REQUEST_ID}$`),
    );
    const client = wsClient(backend);
    try {
      const error = await client.mutation(api.failures.throwsConvexError, {}).then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect((error as Error).message).toMatch(
        new RegExp(
          `^\\[CONVEX M\\(failures:throwsConvexError\\)\\] ${REQUEST_ID}\\n  Called by client$`,
        ),
      );
      expect((error as { data?: unknown }).data).toEqual({ code: "NOT_ALLOWED", retryAt: 5n });
    } finally {
      await client.close();
    }
    const response = await fetch(`${backend.siteUrl}/throws`);
    expect(await response.json()).toEqual({
      code: expect.stringMatching(new RegExp(`^${REQUEST_ID}$`)) as unknown,
    });
  });

  it("sends no log lines, where a development deployment sends them", async () => {
    const development = await serveApp("module");
    try {
      const logLines = async (target: Backend): Promise<unknown> => {
        const response = await fetch(`${target.url}/api/query`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ path: "failures:logs", args: [{}], format: "json" }),
        });
        return ((await response.json()) as { logLines: unknown }).logLines;
      };
      expect(await logLines(development)).toEqual([
        expect.stringContaining("visible in development"),
      ]);
      expect(await logLines(backend)).toEqual([]);
    } finally {
      await development.close();
    }
  });
});
