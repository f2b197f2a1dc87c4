import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "./fixture-app/convex/_generated/api.js";
import { type Backend } from "../src/backend.js";
import { type Logger } from "../src/log.js";
import { FIXTURE_DIR, httpClient, startFixture, waitFor, wsClient } from "./helpers.js";

// A copy of the fixture inside the package, so its imports resolve from node_modules.
const workDir = join(FIXTURE_DIR, "..", "..", ".tmp", `reload-${process.pid}`);
const functionsDir = join(workDir, "convex");
let backend: Backend;
const events: { event: string; fields: Record<string, unknown> }[] = [];
const logger: Logger = { log: (_level, event, fields = {}) => void events.push({ event, fields }) };

beforeAll(async () => {
  mkdirSync(workDir, { recursive: true });
  cpSync(FIXTURE_DIR, functionsDir, { recursive: true });
  backend = await startFixture({ functionsDir, watch: true, logger });
});
afterAll(async () => {
  await backend.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe("--watch", () => {
  it("reloads changed functions, keeps the data and re-runs live subscriptions", async () => {
    const http = httpClient(backend);
    await http.mutation(api.messages.send, { channel: "w", author: "a", body: "kept" });
    const client = wsClient(backend);
    try {
      await waitFor<number>(
        (cb) => client.onUpdate(api.messages.count, { channel: "w" }, cb),
        (n) => n === 1,
      );
      const file = join(functionsDir, "messages.ts");
      const source = readFileSync(file, "utf8");
      const edited = source.replace(
        ".collect()\n    ).length,",
        ".collect()\n    ).length + 1000,",
      );
      expect(edited).not.toBe(source);
      writeFileSync(file, edited);
      const reloaded = await waitFor<number>(
        (cb) => client.onUpdate(api.messages.count, { channel: "w" }, cb),
        (n) => n === 1001,
        10_000,
      );
      expect(reloaded).toBe(1001);

      // A broken edit keeps the previous version serving.
      writeFileSync(file, "export const count = ;");
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await http.query(api.messages.count, { channel: "w" })).toBe(1001);
    } finally {
      await client.close();
    }
  });

  it("reports stored documents that a changed schema rejects", async () => {
    expect(events.some((e) => e.event === "schema.stored_documents_invalid")).toBe(false);
    // Undo the broken edit of the previous test, then break the schema for the stored message.
    cpSync(join(FIXTURE_DIR, "messages.ts"), join(functionsDir, "messages.ts"));
    const file = join(functionsDir, "schema.ts");
    const source = readFileSync(file, "utf8");
    const edited = source.replace(
      "author: v.string(), body: v.string()",
      "author: v.string(), body: v.number()",
    );
    expect(edited).not.toBe(source);
    writeFileSync(file, edited);
    const deadline = Date.now() + 10_000;
    while (
      !events.some((e) => e.event === "schema.stored_documents_invalid") &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const report = events.find((e) => e.event === "schema.stored_documents_invalid");
    expect(report?.fields.count).toBe(1);
    expect(JSON.stringify(report?.fields.examples)).toContain("messages");
  });
});
