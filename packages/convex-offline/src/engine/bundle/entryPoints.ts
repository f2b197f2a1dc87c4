// Which files of a functions directory the Convex CLI deploys, and in which runtime: the rules
// of the CLI's bundler (convex/src/bundler/index.ts, `entryPoints` and `determineEnvironment`),
// so a module Convex would skip is skipped here and a layout it refuses is refused with its text.
import { existsSync, readFileSync, readdirSync, type Dirent } from "node:fs";
import { join, parse, relative, sep } from "node:path";

export type ModuleEnvironment = "isolate" | "node";
export type EntryPoint = {
  /** Absolute path of the source file. */
  readonly file: string;
  /** Path relative to the functions directory, with "/" separators ("dir/file.ts"). */
  readonly relPath: string;
  readonly environment: ModuleEnvironment;
};

/** A layout Convex's CLI refuses to deploy; the message is the CLI's. */
export class DeployError extends Error {}

const ENTRY_POINT_EXTENSIONS = [".js", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts", ".jsx"];
const USE_NODE_LINE = /^\s*("|')use node("|');?\s*$/;

/** The CLI's order: by UTF-16 code units, shorter first on a tie. */
function consistentPathSort(a: Dirent, b: Dirent): number {
  for (let i = 0; i < Math.min(a.name.length, b.name.length); i++) {
    if (a.name.charCodeAt(i) !== b.name.charCodeAt(i)) {
      return a.name.charCodeAt(i) - b.name.charCodeAt(i);
    }
  }
  return a.name.length - b.name.length;
}

function* walk(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort(consistentPathSort);
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // Directories that define components are deployed as components, not as functions.
      if (existsSync(join(path, "convex.config.ts"))) continue;
      // Not the CLI's rule, but the CLI never sees node_modules inside convex/ either way.
      if (entry.name === "node_modules") continue;
      yield* walk(path);
    } else if (entry.isFile()) {
      yield path;
    }
  }
}

/**
 * The directive prologue of a module (leading string-literal statements, after comments) names
 * "use node". The CLI parses the AST for this; a line match is its own fallback.
 */
export function hasUseNodeDirective(source: string): boolean {
  if (!source.includes("use node")) return false;
  let rest = source;
  for (;;) {
    rest = rest.replace(/^\s+/, "");
    if (rest.startsWith("//")) rest = rest.slice(rest.indexOf("\n") + 1 || rest.length);
    else if (rest.startsWith("/*")) rest = rest.slice(rest.indexOf("*/") + 2 || rest.length);
    else break;
  }
  for (const line of rest.split("\n")) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("//")) continue;
    if (USE_NODE_LINE.test(line)) return true;
    if (!/^("|')[^"']*("|');?$/.test(trimmed)) return false;
  }
  return false;
}

/** http, crons, schema and auth.config always run in Convex's own runtime. */
function mustBeIsolate(relPath: string): boolean {
  return ["http", "crons", "schema", "auth.config"].includes(relPath.replace(/\.[^/.]+$/, ""));
}

function environmentOf(relPath: string, source: string): ModuleEnvironment {
  if (hasUseNodeDirective(source)) {
    if (mustBeIsolate(relPath)) {
      throw new DeployError(`"use node" directive is not allowed for ${relPath}.`);
    }
    return "node";
  }
  if (relPath.startsWith("actions/")) {
    throw new DeployError(
      `${relPath} is in /actions subfolder but has no "use node"; directive. You can now define actions in any folder and indicate they should run in node by adding "use node" directive. /actions is a deprecated way to choose Node.js environment, and we require "use node" for all files within that folder to avoid unexpected errors during the migration. See https://docs.convex.dev/functions/actions for more details`,
    );
  }
  return "isolate";
}

/**
 * The function modules the CLI would deploy (every module under the directory except
 * _generated, dotfiles, editor temp files, files with more than one dot or a space, and
 * TypeScript files without an import or export), plus the schema and auth config, which the
 * CLI bundles on their own.
 */
export function findEntryPoints(functionsDir: string): EntryPoint[] {
  const jsConfig = join(functionsDir, "auth.config.js");
  const tsConfig = join(functionsDir, "auth.config.ts");
  if (existsSync(jsConfig) && existsSync(tsConfig)) {
    throw new DeployError(`Found both ${jsConfig} and ${tsConfig}, choose one.`);
  }
  const entries: EntryPoint[] = [];
  for (const file of walk(functionsDir)) {
    const relPath = relative(functionsDir, file).split(sep).join("/");
    const { base, ext } = parse(file);
    if (relPath.startsWith("_deps/")) {
      throw new DeployError(
        `The path "${file}" is within the "_deps" directory, which is reserved for dependencies. Please move your code to another directory.`,
      );
    }
    if (!ENTRY_POINT_EXTENSIONS.includes(ext.toLowerCase())) continue;
    if (relPath.startsWith("_generated/") || base.startsWith(".") || base.startsWith("#")) continue;
    const isConfig = base === "auth.config.ts" || base === "auth.config.js";
    const isSchema = base === "schema.ts" || base === "schema.js";
    if (!isConfig && (base.match(/\./g) ?? []).length > 1) continue;
    if (relPath.includes(" ")) continue;
    const source = readFileSync(file, "utf8");
    if ((ext === ".ts" || ext === ".tsx") && !/^\s{0,100}(import|export)/m.test(source)) continue;
    if (isConfig || isSchema) {
      // Top-level only, as the CLI looks for them.
      if (relPath !== base) continue;
    }
    entries.push({ file, relPath, environment: environmentOf(relPath, source) });
  }
  return entries;
}
