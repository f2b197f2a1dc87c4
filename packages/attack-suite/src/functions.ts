// Every public function of the app, found at runtime from the module exports exactly as Convex
// finds them (files under convex/ with one dot, not _generated): a function added tomorrow is in
// the matrix tomorrow, with no list to update.
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { FUNCTIONS_DIR } from "./paths.js";

export type Kind = "query" | "mutation" | "action";

export type PublicFunction = {
  /** "module:export", the name clients call it by. */
  name: string;
  kind: Kind;
  /** The exported args validator (Convex's JSON form), or null when it declares none. */
  args: ValidatorJson | null;
  /** The access rule its builder attached (convex/functions.ts), or null for a raw function. */
  rule: string | null;
};

export type ValidatorJson =
  | { type: "string" | "number" | "bigint" | "boolean" | "null" | "any" | "bytes" }
  | { type: "id"; tableName: string }
  | { type: "literal"; value: unknown }
  | { type: "array"; value: ValidatorJson }
  | { type: "object"; value: Record<string, { fieldType: ValidatorJson; optional: boolean }> }
  | { type: "union"; value: ValidatorJson[] }
  | { type: "record"; keys: ValidatorJson; values: { fieldType: ValidatorJson } };

type Registered = {
  isQuery?: boolean;
  isMutation?: boolean;
  isAction?: boolean;
  isPublic?: boolean;
  exportArgs?: () => string;
};

type AccessRuleOf = (fn: unknown) => string | null;

/** The app's own reader of the rule its builders attach: one key, kept in convex/functions.ts. */
async function loadAccessRuleOf(): Promise<AccessRuleOf> {
  const builders = (await import(pathToFileURL(join(FUNCTIONS_DIR, "functions.ts")).href)) as {
    accessRuleOf: AccessRuleOf;
  };
  return builders.accessRuleOf;
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".") || name === "_generated") continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(relative(FUNCTIONS_DIR, full).split(sep).join("/"));
  }
}

/** Convex's rule: .ts/.js files whose name has exactly one dot are function modules. */
function isFunctionModule(file: string): boolean {
  const base = file.split("/").pop() ?? file;
  return (
    /\.(ts|tsx|js|mjs|jsx)$/.test(base) && !base.endsWith(".d.ts") && base.split(".").length === 2
  );
}

export function functionModules(): string[] {
  const files: string[] = [];
  walk(FUNCTIONS_DIR, files);
  return files.filter(isFunctionModule).sort();
}

function kindOf(fn: Registered): Kind | null {
  if (fn.isQuery === true) return "query";
  if (fn.isMutation === true) return "mutation";
  if (fn.isAction === true) return "action";
  return null;
}

export async function publicFunctions(): Promise<PublicFunction[]> {
  const found: PublicFunction[] = [];
  const accessRuleOf = await loadAccessRuleOf();
  for (const file of functionModules()) {
    const modulePath = file.replace(/\.[^.]+$/, "");
    const exports = (await import(pathToFileURL(join(FUNCTIONS_DIR, file)).href)) as Record<
      string,
      unknown
    >;
    for (const [exportName, value] of Object.entries(exports)) {
      if (typeof value !== "function" && typeof value !== "object") continue;
      const fn = value as Registered | null;
      if (fn === null || fn.isPublic !== true) continue;
      const kind = kindOf(fn);
      if (kind === null) continue;
      const argsText = fn.exportArgs?.() ?? "null";
      found.push({
        name: `${modulePath}:${exportName}`,
        kind,
        args: JSON.parse(argsText) as ValidatorJson | null,
        rule: accessRuleOf(fn),
      });
    }
  }
  return found;
}

/** Admin-only by construction: made with adminQuery/adminMutation, which check before the handler. */
export function isAdminOnly(fn: PublicFunction): boolean {
  return fn.rule === "admin";
}

/** A bot's function: it takes the service secret as an argument. */
export function isServiceFunction(fn: PublicFunction): boolean {
  return (
    (fn.args?.type === "object" && Object.hasOwn(fn.args.value, "secret")) || fn.rule === "service"
  );
}

export type HttpRoute = { path: string; method: string };

/** The HTTP actions' routes (convex/http.ts). */
export async function httpRoutes(): Promise<HttpRoute[]> {
  const module = (await import(pathToFileURL(join(FUNCTIONS_DIR, "http.ts")).href)) as {
    default: { getRoutes: () => ReadonlyArray<readonly [string, string, unknown]> };
  };
  return module.default.getRoutes().map(([path, method]) => ({ path, method }));
}
