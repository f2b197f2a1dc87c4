// Convex's error texts, asserted through the real clients: argument and return validation
// (convex-backend common/src/schemas/validator.rs, udf/src/validation.rs,
// model/src/modules/function_validators.rs), unknown and internal functions, wrong kinds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFunctionReference } from "convex/server";
import { type Backend } from "../../src/backend.js";
import { httpClient, wsClient } from "../helpers.js";
import { api } from "./app/convex/_generated/api.js";
import { MODULE_FORMATS } from "./materialize.js";
import { serveApp } from "./serve.js";

const SEND_VALIDATOR = "v.object({author: v.string(), body: v.string(), channel: v.string()})";

async function failure(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error("expected the call to fail");
}

describe.each(MODULE_FORMATS)("errors of a %s app", (format) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await serveApp(format);
  });
  afterAll(async () => {
    await backend?.close();
  });

  it("names a missing required field with the object and the validator", async () => {
    const send = makeFunctionReference<"mutation">("messages:send");
    const message = await failure(httpClient(backend).mutation(send, { channel: "c", body: "hi" }));
    expect(message).toContain(
      "ArgumentValidationError: Object is missing the required field `author`. Consider wrapping the field validator in `v.optional(...)` if this is expected.\n\n" +
        `Object: {body: "hi", channel: "c"}\nValidator: ${SEND_VALIDATOR}`,
    );
  });

  it("gives the path of a nested mismatch, over the socket too", async () => {
    const client = wsClient(backend);
    try {
      const send = makeFunctionReference<"mutation">("messages:send");
      const message = await failure(client.mutation(send, { channel: "c", author: "a", body: 5 }));
      expect(message).toContain(
        "ArgumentValidationError: Value does not match validator.\nPath: .body\nValue: 5.0\nValidator: v.string()",
      );
    } finally {
      await client.close();
    }
  });

  it("names an extra field", async () => {
    const send = makeFunctionReference<"mutation">("messages:send");
    const message = await failure(
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
    expect(await failure(client.query(get, { id: note }))).toContain(
      `ArgumentValidationError: Found ID "${note}" from table \`notes\`, which does not match the table name in validator \`v.id("messages")\`.Path: .id`,
    );
    expect(await failure(client.query(get, { id: "nonsense" }))).toContain(
      'ArgumentValidationError: Value does not match validator.\nPath: .id\nValue: "nonsense"\nValidator: v.id("messages")',
    );
  });

  it("reports a return value its validator rejects", async () => {
    expect(await failure(httpClient(backend).query(api.messages.wrongReturn, {}))).toContain(
      "ReturnsValidationError: Value does not match validator.\n\nValue: 42.0\nValidator: v.string()",
    );
  });

  it("answers unknown and internal functions alike, so internal ones stay hidden", async () => {
    const client = httpClient(backend);
    const missing = makeFunctionReference<"query">("messages:nope");
    const internal = makeFunctionReference<"query">("messages:secret");
    expect(await failure(client.query(missing, {}))).toContain(
      "Could not find public function for 'messages:nope'.",
    );
    expect(await failure(client.query(internal, {}))).toContain(
      "Could not find public function for 'messages:secret'.",
    );
  });

  it("names both kinds when a function is called as another kind", async () => {
    const list = makeFunctionReference<"mutation">("messages:list");
    expect(await failure(httpClient(backend).mutation(list, { channel: "c" }))).toContain(
      "Trying to execute messages:list as Mutation, but it is defined as Query.",
    );
  });
});
