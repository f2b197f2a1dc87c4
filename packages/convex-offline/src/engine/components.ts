// The components an app installs in its convex.config.ts (`app.use(component, { name })`), found
// as a push finds them: the config is bundled with esbuild and evaluated. Convex's backend, not
// the CLI, gives each imported component definition its `componentDefinitionPath` while it
// evaluates the config; here an esbuild plugin wraps every imported `convex.config` module to
// set it (the component's directory) and remembers the import specifier codegen names.
import { rmSync, writeFileSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import esbuild, { type Plugin } from "esbuild";
import { register } from "tsx/esm/api";
import { DeployError } from "./bundle/entryPoints.js";

export type InstalledComponent = {
  /** Path of the installed component: its name, under its parent's path for nested ones. */
  readonly path: string;
  readonly name: string;
  /** The component's functions directory (where its convex.config lives). */
  readonly dir: string;
  /** How the parent's config imported it, without "/convex.config…" (codegen's import). */
  readonly importSpecifier: string;
};

const NAMESPACE = "convex-component-definition";
const CONFIG_IMPORT = /(^|\/)convex\.config(\.[cm]?[jt]s)?$/;
const SKIP = Symbol("resolve without the component plugin");

type Definition = {
  readonly _name?: string;
  readonly _childComponents?: readonly [string, Definition & Record<string, unknown>][];
  componentDefinitionPath?: string;
  defaultName?: string;
  importSpecifier?: string;
};

/** The app's convex.config.ts (or .js), or null when it installs no components. */
export function appConfigFile(functionsDir: string): string | null {
  for (const name of ["convex.config.ts", "convex.config.js"]) {
    const file = join(functionsDir, name);
    if (existsSync(file)) return file;
  }
  return null;
}

function definitionPathPlugin(): Plugin {
  return {
    name: "convex-component-definition-path",
    setup(build) {
      build.onResolve({ filter: CONFIG_IMPORT }, async (args) => {
        if (args.kind === "entry-point" || args.pluginData === SKIP) return undefined;
        if (args.namespace === NAMESPACE) return { path: args.path };
        const resolved = await build.resolve(args.path, {
          resolveDir: args.resolveDir,
          kind: args.kind,
          pluginData: SKIP,
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        return {
          path: resolved.path,
          namespace: NAMESPACE,
          pluginData: args.path.replace(/\/convex\.config.*$/, ""),
        };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
        const specifier = String(args.pluginData);
        return {
          contents: `import definition from ${JSON.stringify(args.path)};
definition.componentDefinitionPath = ${JSON.stringify(dirname(args.path))};
definition.defaultName = definition._name;
definition.importSpecifier = ${JSON.stringify(specifier)};
export default definition;`,
          resolveDir: dirname(args.path),
          loader: "js",
        };
      });
    },
  };
}

async function evaluateConfig(configFile: string): Promise<Definition> {
  let code: string;
  try {
    const result = await esbuild.build({
      entryPoints: [configFile],
      bundle: true,
      platform: "browser",
      format: "esm",
      target: "esnext",
      conditions: ["convex", "module"],
      plugins: [definitionPathPlugin()],
      write: false,
      logLevel: "silent",
    });
    code = result.outputFiles[0]?.text ?? "";
  } catch (error) {
    const errors = (error as { errors?: esbuild.Message[] }).errors ?? [];
    const text = await esbuild.formatMessages(errors, { kind: "error", color: false });
    throw new DeployError(text.join("").trim() || String(error), { cause: error });
  }
  // Imported through a tsx namespace of its own, like the function bundles (modules.ts).
  const dir = mkdtempSync(join(tmpdir(), "convex-offline-config-"));
  const file = join(dir, "convex.config.mjs");
  writeFileSync(file, code);
  const api = register({ namespace: `convex-offline-config-${process.pid}-${Date.now()}` });
  try {
    const module = (await api.import(pathToFileURL(file).href, import.meta.url)) as {
      default?: Definition;
    };
    if (module.default === undefined || !Array.isArray(module.default._childComponents)) {
      throw new DeployError(`${configFile} must export default defineApp().`);
    }
    return module.default;
  } finally {
    await api.unregister();
    rmSync(dir, { recursive: true, force: true });
  }
}

function flatten(definition: Definition, parentPath: string): InstalledComponent[] {
  const found: InstalledComponent[] = [];
  for (const [name, child] of definition._childComponents ?? []) {
    if (typeof child.componentDefinitionPath !== "string") continue;
    const path = parentPath === "" ? name : `${parentPath}/${name}`;
    found.push({
      path,
      name,
      dir: child.componentDefinitionPath,
      importSpecifier: child.importSpecifier ?? "",
    });
    found.push(...flatten(child, path));
  }
  return found;
}

/** Every component the app installs, parents before their children; [] without a config. */
export async function findComponents(functionsDir: string): Promise<InstalledComponent[]> {
  const configFile = appConfigFile(functionsDir);
  if (configFile === null) return [];
  const installed = flatten(await evaluateConfig(configFile), "");
  const names = new Set<string>();
  for (const component of installed) {
    if (names.has(component.path)) {
      throw new DeployError(`Component "${component.path}" is installed twice in ${configFile}.`);
    }
    names.add(component.path);
  }
  return installed;
}
