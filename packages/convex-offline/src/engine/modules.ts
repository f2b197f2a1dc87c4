// The functions directory as an explicit modules map for the engine. Each load generation
// imports through its own tsx namespace, so a reload re-evaluates every module (and the
// helpers they import) while the data stays in the store.
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

export type ModuleMap = Record<string, () => Promise<unknown>>;
export type LoadedModules = {
  readonly map: ModuleMap;
  /** Module paths as Convex names them ("dir/file", no extension). */
  readonly modulePaths: readonly string[];
  readonly importModule: (modulePath: string) => Promise<Record<string, unknown>>;
  /** Imports any file of the directory (e.g. auth.config.ts), relative to it. */
  readonly importFile: (file: string) => Promise<Record<string, unknown>>;
  readonly hasFile: (file: string) => boolean;
  readonly dispose: () => Promise<void>;
};

const SOURCE = /\.(ts|tsx|js|mjs|jsx)$/;

/** Convex skips files with more than one dot (tests, configs) and d.ts files. */
function isFunctionModule(file: string): boolean {
  const base = file.split("/").pop() ?? file;
  if (!SOURCE.test(base) || base.endsWith(".d.ts")) return false;
  return base.split(".").length === 2;
}

function walk(dir: string, root: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, root, out);
    else out.push(relative(root, full).split(sep).join("/"));
  }
}

let generation = 0;

export function loadModules(functionsDir: string): LoadedModules {
  const files: string[] = [];
  walk(functionsDir, functionsDir, files);
  const api = register({ namespace: `convex-offline-${process.pid}-${++generation}` });
  const cache = new Map<string, Promise<Record<string, unknown>>>();
  const importFile = (file: string): Promise<Record<string, unknown>> => {
    let loaded = cache.get(file);
    if (loaded === undefined) {
      loaded = api.import(pathToFileURL(join(functionsDir, file)).href, import.meta.url) as Promise<
        Record<string, unknown>
      >;
      cache.set(file, loaded);
    }
    return loaded;
  };
  const map: ModuleMap = {};
  const byModulePath = new Map<string, string>();
  for (const file of files) {
    if (file.startsWith("_generated/") || !isFunctionModule(file)) continue;
    map[`./convex/${file}`] = () => importFile(file);
    byModulePath.set(file.replace(SOURCE, ""), file);
  }
  // The engine finds the module root through a key containing "_generated".
  map["./convex/_generated/server.js"] = () => Promise.resolve({});
  return {
    map,
    modulePaths: [...byModulePath.keys()],
    importModule: (modulePath) => {
      const file = byModulePath.get(modulePath);
      if (file === undefined)
        return Promise.reject(new Error(`Could not find module for: "${modulePath}"`));
      return importFile(file);
    },
    importFile,
    hasFile: (file) => files.includes(file),
    dispose: () => api.unregister(),
  };
}
