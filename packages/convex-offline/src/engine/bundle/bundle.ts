// Bundles a functions directory the way `npx convex dev/deploy` does (convex/src/bundler and
// cli/lib/config.ts): esbuild, ESM, one bundle per entry point with shared chunks, Convex-runtime
// modules for the browser platform with everything bundled (so the app's package.json "type"
// never matters), "use node" modules for the node platform. A module that would fail to deploy
// fails here with esbuild's message and the CLI's hint.
import { join, resolve } from "node:path";
import esbuild, { type BuildFailure, type Message, type Plugin } from "esbuild";
import { type EntryPoint, DeployError, findEntryPoints } from "./entryPoints.js";
import { externalPackages, findPackageJson } from "./externals.js";
import {
  createOutputDir,
  fingerprints,
  recordBuild,
  removeOutputDir,
  reusableBuild,
} from "./outputDir.js";
import {
  asyncHooksShimPlugin,
  externalPackagesPlugin,
  serverOnlyPlugin,
  wasmPlugin,
} from "./plugins.js";

export type FunctionsBundle = {
  /** Directory holding the bundled modules (`<relPath without extension>.js`). */
  readonly outDir: string;
  readonly entryPoints: readonly EntryPoint[];
  /** The bundled file of an entry point, by its path relative to the functions directory. */
  readonly outputFile: (relPath: string) => string;
  /** Whether the previous build was reused (no source file changed since). */
  readonly reused: boolean;
};

const USE_NODE_HINT =
  `\nIt looks like you are using Node APIs from a file without the "use node" directive.\n` +
  `Split out actions using Node.js APIs like this into a new file only containing actions that uses "use node" ` +
  `so these actions will run in a Node.js environment.\n` +
  `For more information see https://docs.convex.dev/functions/runtimes#nodejs-runtime\n`;

function isBuildFailure(error: unknown): error is BuildFailure {
  return (
    typeof error === "object" &&
    error !== null &&
    Array.isArray((error as BuildFailure).errors) &&
    Array.isArray((error as BuildFailure).warnings)
  );
}

async function describeFailure(errors: Message[], platform: "browser" | "node"): Promise<string> {
  const formatted = await esbuild.formatMessages(errors, { kind: "error", color: false });
  const needsNode =
    platform === "browser" &&
    errors.some((error) =>
      error.notes.some((note) => note.text.includes("Are you trying to bundle for node?")),
    );
  return formatted.join("").trim() + (needsNode ? `\n${USE_NODE_HINT}` : "");
}

async function build(
  functionsDir: string,
  outDir: string,
  files: string[],
  platform: "browser" | "node",
  plugins: Plugin[],
): Promise<string[]> {
  if (files.length === 0) return [];
  try {
    const result = await esbuild.build({
      entryPoints: files,
      bundle: true,
      platform,
      format: "esm",
      target: "esnext",
      jsx: "automatic",
      outdir: outDir,
      outbase: functionsDir,
      conditions: ["convex", "module"],
      plugins: [...(platform === "browser" ? [asyncHooksShimPlugin] : []), ...plugins],
      write: true,
      // Linked source maps: stack traces of function errors point at the app's sources.
      sourcemap: true,
      sourcesContent: false,
      splitting: true,
      chunkNames: platform === "node" ? "_deps/node/[hash]" : "_deps/[hash]",
      treeShaking: true,
      minifySyntax: true,
      minifyIdentifiers: true,
      keepNames: true,
      define: { "process.env.NODE_ENV": '"production"' },
      logLevel: "silent",
      metafile: true,
    });
    // Every file read (paths relative to the working directory); virtual modules excluded.
    return Object.keys(result.metafile.inputs)
      .filter((input) => !input.includes(":"))
      .map((input) => resolve(input));
  } catch (error) {
    if (!isBuildFailure(error)) throw error;
    throw new DeployError(await describeFailure(error.errors, platform), { cause: error });
  }
}

export async function bundleFunctions(functionsDir: string): Promise<FunctionsBundle> {
  const entryPoints = findEntryPoints(functionsDir);
  const entryKeys = entryPoints.map((entry) => `${entry.relPath}:${entry.environment}`);
  const bundle = (outDir: string, reused: boolean): FunctionsBundle => ({
    outDir,
    entryPoints,
    outputFile: (relPath) => join(outDir, relPath.replace(/\.[^/.]+$/, "") + ".js"),
    reused,
  });
  process.setSourceMapsEnabled(true);
  const previous = reusableBuild(functionsDir, entryKeys);
  if (previous !== null) return bundle(previous, true);

  const isolate = entryPoints.filter((entry) => entry.environment === "isolate");
  const node = entryPoints.filter((entry) => entry.environment === "node");
  const outDir = createOutputDir(functionsDir);
  const inputs: string[] = [];
  try {
    const common = [serverOnlyPlugin];
    inputs.push(
      ...(await build(
        functionsDir,
        outDir,
        isolate.map((entry) => entry.file),
        "browser",
        [...common, wasmPlugin],
      )),
    );
    inputs.push(
      ...(await build(
        functionsDir,
        outDir,
        node.map((entry) => entry.file),
        "node",
        [...common, externalPackagesPlugin(externalPackages(functionsDir)), wasmPlugin],
      )),
    );
  } catch (error) {
    removeOutputDir(outDir);
    throw error;
  }
  // The externals come from package.json and convex.json: a change there is a change too.
  const manifest = findPackageJson(resolve(functionsDir, ".."));
  if (manifest !== null) inputs.push(manifest, join(resolve(manifest, ".."), "convex.json"));
  recordBuild(functionsDir, outDir, entryKeys, fingerprints(inputs));
  return bundle(outDir, false);
}
