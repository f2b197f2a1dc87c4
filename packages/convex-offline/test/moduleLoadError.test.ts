import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Engine } from "../src/engine/engine.js";
import { DocumentStore } from "../src/storage/documentStore.js";
import { memoryFileStore } from "../src/storage/fileStore.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A functions directory holding the given files. */
function functionsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "convex-offline-broken-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const load = (dir: string) =>
  Engine.load({
    functionsDir: dir,
    store: new DocumentStore(),
    files: memoryFileStore(),
    clock: Engine.initialClock(),
    onCommit: () => {},
    urls: { uploadUrl: () => "", storageUrl: () => "" },
  });

describe("loading the functions directory", () => {
  it("fails the load naming the module that throws at import, as a push does", async () => {
    const dir = functionsDir({
      "fine.ts": "export const value = 1;\n",
      "broken.ts": 'export const value = 2;\nthrow new Error("no config at import");\n',
    });
    const loading = load(dir);
    await expect(loading).rejects.toThrow("Failed to load convex/broken: no config at import");
    await expect(loading).rejects.toHaveProperty("cause.message", "no config at import");
  });

  it("loads when every module imports", async () => {
    const engine = await load(functionsDir({ "fine.ts": "export const value = 1;\n" }));
    await engine.close();
  });
});
