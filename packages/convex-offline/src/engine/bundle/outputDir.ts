// Where bundles are written: under the app's node_modules (so the external packages of
// "use node" bundles resolve from there), one fresh directory per load, so a reload never
// hits Node's module cache. Directories of processes that died are swept on the next load.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

function nodeModulesAbove(dir: string): string | null {
  for (let current = dir; ; current = dirname(current)) {
    const candidate = join(current, "node_modules");
    if (existsSync(candidate)) return candidate;
    if (dirname(current) === current) return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function sweepDead(root: string): void {
  for (const name of readdirSync(root)) {
    const pid = Number.parseInt(name.split("-")[0] ?? "", 10);
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) {
      rmSync(join(root, name), { recursive: true, force: true });
    }
  }
}

let generation = 0;

/** A new, empty output directory whose .js files are ES modules. */
export function createOutputDir(functionsDir: string): string {
  const nodeModules = nodeModulesAbove(functionsDir);
  const root =
    nodeModules === null
      ? join(tmpdir(), "convex-offline-bundles")
      : join(nodeModules, ".cache", "convex-offline", "bundles");
  mkdirSync(root, { recursive: true });
  sweepDead(root);
  const dir = join(root, `${process.pid}-${++generation}-${Date.now().toString(36)}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  return dir;
}

export function removeOutputDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
