// Any Convex app loads the way the CLI would bundle it, whatever its package.json says: schema
// indexes, HTTP routes, crons and "use node" actions work in both module formats.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Backend, startBackend } from "../../src/backend.js";
import { silentLogger } from "../../src/log.js";
import { eventually, httpClient } from "../helpers.js";
import { MODULE_FORMATS, materializeApp } from "./materialize.js";
import { serveApp } from "./serve.js";
import { api } from "./app/convex/_generated/api.js";
import { type Id } from "./app/convex/_generated/dataModel.js";

describe.each(MODULE_FORMATS)("a %s app", (format) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await serveApp(format);
  });
  afterAll(async () => {
    await backend?.close();
  });

  it("applies the schema: indexed reads work", async () => {
    const client = httpClient(backend);
    await client.mutation(api.messages.send, { channel: "c", author: "a", body: "hello" });
    const rows = await client.query(api.messages.list, { channel: "c" });
    expect(rows.map((row) => row.body)).toEqual(["hello"]);
  });

  it("serves the HTTP router's exact and prefix routes", async () => {
    const posted = await fetch(`${backend.siteUrl}/messages`, {
      method: "POST",
      body: JSON.stringify({ channel: "http", body: "from http" }),
    });
    expect(posted.status).toBe(201);
    const { id } = (await posted.json()) as { id: Id<"messages"> };
    const stored = await httpClient(backend).query(api.messages.get, { id });
    expect(stored).toMatchObject({ author: "http", body: "from http" });
    const echoed = await fetch(`${backend.siteUrl}/echo/a/b`);
    expect(await echoed.json()).toEqual({ path: "/echo/a/b" });
  });

  it("runs the crons", async () => {
    const client = httpClient(backend);
    await eventually(
      () => client.query(api.ticks.count, {}),
      (count) => count > 0,
      10_000,
    );
  });

  it('runs "use node" actions with Node built-ins', async () => {
    const digest = await httpClient(backend).action(api.hashing.sha256, { text: "abc" });
    expect(digest).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it('runs "use node" actions whose CommonJS dependencies require() Node built-ins', async () => {
    const digest = await httpClient(backend).action(api.hashing.md5, { text: "abc" });
    expect(digest).toBe("900150983cd24fb0d6963f7d28e17f72");
  });
});

describe("a module Convex would refuse to deploy fails the start with Convex's message", () => {
  const cases: { name: string; edit: (dir: string) => void; message: string | RegExp }[] = [
    {
      name: 'Node built-ins outside a "use node" module',
      edit: (dir) =>
        writeFileSync(
          join(dir, "files.ts"),
          'import { readFileSync } from "node:fs";\nexport const size = () => readFileSync("x").length;\n',
        ),
      message: /Could not resolve "node:fs"[\s\S]*without the "use node" directive/,
    },
    {
      name: '"use node" in http.ts',
      edit: (dir) => {
        const file = join(dir, "http.ts");
        writeFileSync(file, `"use node";\n${readFileSync(file, "utf8")}`);
      },
      message: '"use node" directive is not allowed for http.ts.',
    },
    {
      name: "a crons.ts whose default export is not a Crons object",
      edit: (dir) => writeFileSync(join(dir, "crons.ts"), "export default { jobs: [] };\n"),
      message: "The default export of `convex/crons.js` is not a Crons object.",
    },
    {
      name: "an http.ts without a default export",
      edit: (dir) => writeFileSync(join(dir, "http.ts"), "export const routes = 1;\n"),
      message: "`convex/http.js` must have a default export of a Router.",
    },
    {
      name: "a cron with an unreadable schedule",
      edit: (dir) =>
        writeFileSync(
          join(dir, "crons.ts"),
          'import { cronJobs } from "convex/server";\nimport { internal } from "./_generated/api";\nconst crons = cronJobs();\ncrons.cron("broken", "not a cron", internal.ticks.tick);\nexport default crons;\n',
        ),
      message: /Invalid cron job "broken"/,
    },
    {
      name: 'a query in a "use node" module',
      edit: (dir) =>
        writeFileSync(
          join(dir, "nodeQuery.ts"),
          '"use node";\nimport { query } from "./_generated/server";\nexport const read = query({ args: {}, handler: () => 1 });\n',
        ),
      message:
        '`read` defined in `"nodeQuery.js"` is a Query function. Only actions can be defined in Node.js.',
    },
  ];
  it.each(cases)("$name", async ({ edit, message }) => {
    const functionsDir = materializeApp("commonjs", "refused", edit);
    await expect(
      startBackend({ functionsDir, port: 0, sitePort: 0, dataDir: null, logger: silentLogger }),
    ).rejects.toThrow(message);
  });
});
