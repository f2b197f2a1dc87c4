/**
 * The real patch of the vendored engine against its pinned upstream: convex-test's published
 * `dist/index.js`, formatted with the repository's Prettier (as the vendored copy is), diffed with
 * the copy in `src/engine/vendor/convexTest.js`. The patch is kept beside the copy as
 * `convexTest.patch` so a reviewer reads our ~300 changed lines, not a reformatted 3,000.
 *
 *   pnpm --filter @g3/convex-offline engine:patch           # print the patch
 *   pnpm --filter @g3/convex-offline engine:patch --write   # refresh convexTest.patch
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import * as prettier from "prettier";

export const UPSTREAM_VERSION = "0.0.60";
export const MARKER = "convex-offline:";

const here = dirname(new URL(import.meta.url).pathname);
export const VENDORED = resolve(here, "../src/engine/vendor/convexTest.js");
export const STORED_PATCH = resolve(here, "../src/engine/vendor/convexTest.patch");

/** The pinned upstream engine, as installed (the version is checked, never assumed). */
export function upstreamSource(): { version: string; source: string } {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("convex-test/package.json");
  const { version } = JSON.parse(readFileSync(manifest, "utf8")) as { version: string };
  return { version, source: readFileSync(join(dirname(manifest), "dist/index.js"), "utf8") };
}

/** Unified diff (upstream formatted → vendored), with stable file labels. */
export async function enginePatch(): Promise<string> {
  const { source } = upstreamSource();
  const options = (await prettier.resolveConfig(VENDORED)) ?? {};
  const formatted = await prettier.format(source, { ...options, filepath: VENDORED });
  const dir = mkdtempSync(join(tmpdir(), "engine-patch-"));
  try {
    const upstreamFile = join(dir, "upstream.js");
    writeFileSync(upstreamFile, formatted);
    return diff(upstreamFile, VENDORED);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function diff(from: string, to: string): string {
  const labels = ["--label", "convex-test/dist/index.js", "--label", "vendor/convexTest.js"];
  try {
    execFileSync("diff", ["-u", ...labels, from, to], { encoding: "utf8" });
    return "";
  } catch (error) {
    // diff exits 1 when the files differ; its output is the patch.
    const failure = error as { status?: number; stdout?: string };
    if (failure.status === 1 && typeof failure.stdout === "string") return failure.stdout;
    throw error;
  }
}

/** The patch's hunks (each starts with `@@`). */
export function hunks(patch: string): string[] {
  return patch.split(/^(?=@@ )/m).slice(1);
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const patch = await enginePatch();
  if (process.argv.includes("--write")) {
    writeFileSync(STORED_PATCH, patch);
    console.log(`wrote ${STORED_PATCH}: ${hunks(patch).length} hunks`);
  } else {
    process.stdout.write(patch);
  }
}
