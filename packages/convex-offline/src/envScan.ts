// Finds the env vars a functions directory refers to, so the backend can say at startup which
// ones are unset instead of letting the first call fail. Heuristic: `process.env.NAME`,
// `process.env["NAME"]`, and helpers called like `requireEnv("NAME")` / `optionalEnv("NAME")`.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

export type EnvReferences = { readonly required: Set<string>; readonly referenced: Set<string> };

const DIRECT = /process\.env(?:\.([A-Z][A-Z0-9_]*)|\[\s*["'`]([A-Z][A-Z0-9_]*)["'`]\s*\])/g;
const HELPER = /\b(\w*)[Ee]nv\(\s*["'`]([A-Z][A-Z0-9_]*)["'`]/g;

function sourceFiles(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "_generated" || name.startsWith(".")) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.(ts|tsx|js|mjs)$/.test(name) && !/\.(test|spec)\.\w+$/.test(name)) out.push(full);
  }
  return out;
}

export function scanEnvReferences(functionsDir: string): EnvReferences {
  const required = new Set<string>();
  const referenced = new Set<string>();
  for (const file of sourceFiles(functionsDir, [])) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(DIRECT)) referenced.add(match[1] ?? match[2] ?? "");
    for (const match of text.matchAll(HELPER)) {
      const name = match[2] ?? "";
      if ((match[1] ?? "").toLowerCase().startsWith("require")) required.add(name);
      else referenced.add(name);
    }
  }
  for (const name of required) referenced.delete(name);
  return { required, referenced };
}

/** Names from the scan that have no non-empty value in env. */
export function unsetNames(
  names: Iterable<string>,
  env: Record<string, string | undefined>,
): string[] {
  return [...names].filter((name) => name !== "" && (env[name] ?? "") === "").sort();
}
