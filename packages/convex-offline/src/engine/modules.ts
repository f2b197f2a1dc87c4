// The functions directory as an explicit modules map for the engine. Each load bundles the
// directory as the Convex CLI does (bundle/; reusing the last build when no file changed) and
// imports the bundles through its own tsx namespace, so a reload re-evaluates every module
// while the data stays in the store.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";
import { type FunctionsBundle, bundleFunctions } from "./bundle/bundle.js";
import { type ModuleEnvironment } from "./bundle/entryPoints.js";

export type ModuleMap = Record<string, () => Promise<unknown>>;
export type LoadedModules = {
  readonly map: ModuleMap;
  /** Function module paths as Convex names them ("dir/file", no extension). */
  readonly modulePaths: readonly string[];
  readonly importModule: (modulePath: string) => Promise<Record<string, unknown>>;
  /** The runtime a module path is bundled for ("use node" → node). */
  readonly environment: (modulePath: string) => ModuleEnvironment | null;
  /** Imports the bundle of a top-level file (e.g. "auth.config.ts"), or null without one. */
  readonly importFile: (file: string) => Promise<Record<string, unknown>> | null;
  readonly hasFile: (file: string) => boolean;
  readonly dispose: () => Promise<void>;
};

let generation = 0;

function withoutExtension(relPath: string): string {
  return relPath.replace(/\.[^/.]+$/, "");
}

export async function loadModules(functionsDir: string): Promise<LoadedModules> {
  const bundle: FunctionsBundle = await bundleFunctions(functionsDir);
  const api = register({ namespace: `convex-offline-${process.pid}-${++generation}` });
  const cache = new Map<string, Promise<Record<string, unknown>>>();
  const nodeFiles = new Set(
    bundle.entryPoints.filter((entry) => entry.environment === "node").map((e) => e.relPath),
  );
  const importBundled = (relPath: string): Promise<Record<string, unknown>> => {
    let loaded = cache.get(relPath);
    if (loaded === undefined) {
      const file = bundle.outputFile(relPath);
      const url = pathToFileURL(file).href;
      // As Convex's Node executor does: a CommonJS dependency bundled into an ESM "use node"
      // module still calls `require` for Node built-ins (web-push needs "crypto"), so a global
      // `require` resolving from the module is set before it is evaluated.
      if (nodeFiles.has(relPath))
        (globalThis as { require?: NodeJS.Require }).require = createRequire(file);
      loaded = api.import(url, import.meta.url) as Promise<Record<string, unknown>>;
      cache.set(relPath, loaded);
    }
    return loaded;
  };
  const byModulePath = new Map(
    bundle.entryPoints.map((entry) => [withoutExtension(entry.relPath), entry]),
  );
  const map: ModuleMap = {};
  for (const [modulePath, entry] of byModulePath) {
    map[`./convex/${modulePath}.js`] = () => importBundled(entry.relPath);
  }
  // The engine finds the module root through a key containing "_generated".
  map["./convex/_generated/server.js"] = () => Promise.resolve({});
  const files = new Set(bundle.entryPoints.map((entry) => entry.relPath));
  return {
    map,
    modulePaths: [...byModulePath.keys()],
    importModule: (modulePath) => {
      const entry = byModulePath.get(modulePath);
      if (entry === undefined)
        return Promise.reject(new Error(`Could not find module for: "${modulePath}"`));
      return importBundled(entry.relPath);
    },
    environment: (modulePath) => byModulePath.get(modulePath)?.environment ?? null,
    importFile: (file) => (files.has(file) ? importBundled(file) : null),
    hasFile: (file) => files.has(file),
    // The build stays on disk: a restart with unchanged sources imports it again.
    dispose: () => api.unregister(),
  };
}

/**
 * Imports every module up front, as a push does: a missing import or a top-level throw fails the
 * load now, named by `where(modulePath)`, instead of at the module's first call.
 */
export async function importEveryModule(
  modules: LoadedModules,
  where: (modulePath: string) => string,
): Promise<void> {
  for (const modulePath of modules.modulePaths) {
    try {
      await modules.importModule(modulePath);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Failed to load ${where(modulePath)}: ${reason}`, { cause: error });
    }
  }
}
