// Where bundles are written, and when a previous bundle can be reused. Bundles live under the
// app's node_modules (so the external packages of "use node" bundles resolve from there), one
// directory per build. A pointer file per functions directory records the last build and the
// size and mtime of every file esbuild read for it: when none changed, a restart imports that
// build again instead of re-bundling (each load imports through its own tsx namespace, so the
// modules are still evaluated afresh). Builds nobody points at are swept after a day.
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { z } from "zod";

/** Bump when the build options change, so older builds are not reused. */
const BUILD_FORMAT = "esbuild-0.27.0/cli-1.48.0/1";
const SWEEP_AFTER_MS = 24 * 60 * 60 * 1000;

const pointerSchema = z.object({
  format: z.string(),
  dir: z.string(),
  entries: z.array(z.string()),
  inputs: z.record(z.string(), z.tuple([z.number(), z.number()])),
});
type Pointer = z.infer<typeof pointerSchema>;

function nodeModulesAbove(dir: string): string | null {
  for (let current = dir; ; current = dirname(current)) {
    const candidate = join(current, "node_modules");
    if (existsSync(candidate)) return candidate;
    if (dirname(current) === current) return null;
  }
}

function bundlesRoot(functionsDir: string): string {
  const nodeModules = nodeModulesAbove(functionsDir);
  const root =
    nodeModules === null
      ? join(tmpdir(), "convex-offline-bundles")
      : join(nodeModules, ".cache", "convex-offline", "bundles");
  mkdirSync(root, { recursive: true });
  return root;
}

function pointerPath(functionsDir: string): string {
  const key = createHash("sha256").update(functionsDir).digest("hex").slice(0, 16);
  return join(bundlesRoot(functionsDir), `latest-${key}.json`);
}

function fingerprint(file: string): [number, number] | null {
  try {
    const stat = statSync(file);
    return [stat.size, stat.mtimeMs];
  } catch {
    return null;
  }
}

/** Size and mtime of each file, to tell later whether any changed. */
export function fingerprints(files: Iterable<string>): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const file of files) {
    const print = fingerprint(file);
    if (print !== null) out[file] = print;
  }
  return out;
}

/** The previous build of this directory, if it was made from exactly the current files. */
export function reusableBuild(functionsDir: string, entries: readonly string[]): string | null {
  let pointer: Pointer;
  try {
    pointer = pointerSchema.parse(JSON.parse(readFileSync(pointerPath(functionsDir), "utf8")));
  } catch {
    return null;
  }
  if (pointer.format !== BUILD_FORMAT || !existsSync(pointer.dir)) return null;
  if (pointer.entries.join("\n") !== entries.join("\n")) return null;
  for (const [file, [size, mtime]] of Object.entries(pointer.inputs)) {
    const print = fingerprint(file);
    if (print === null || print[0] !== size || print[1] !== mtime) return null;
  }
  const now = new Date();
  utimesSync(pointer.dir, now, now);
  return pointer.dir;
}

export function recordBuild(
  functionsDir: string,
  dir: string,
  entries: readonly string[],
  inputs: Record<string, [number, number]>,
): void {
  const path = pointerPath(functionsDir);
  const pointer: Pointer = { format: BUILD_FORMAT, dir, entries: [...entries], inputs };
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(pointer));
  renameSync(temporary, path);
}

function sweepStale(root: string): void {
  const pointed = new Set<string>();
  const builds: string[] = [];
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (name.startsWith("latest-") && name.endsWith(".json")) {
      try {
        pointed.add(pointerSchema.parse(JSON.parse(readFileSync(path, "utf8"))).dir);
      } catch {
        // A pointer being rewritten or broken: its build is swept by age like any other.
      }
    } else if (name.startsWith("build-")) {
      builds.push(path);
    }
  }
  for (const path of builds) {
    const print = fingerprint(path);
    if (!pointed.has(path) && print !== null && Date.now() - print[1] > SWEEP_AFTER_MS) {
      rmSync(path, { recursive: true, force: true });
    }
  }
}

/** A new, empty build directory whose .js files are ES modules. */
export function createOutputDir(functionsDir: string): string {
  const root = bundlesRoot(functionsDir);
  sweepStale(root);
  const dir = join(
    root,
    `build-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
  );
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  return dir;
}

export function removeOutputDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
