import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

/**
 * Our errors are read by code (lib/app-error.ts), never by their text: a message is for people and
 * may be reworded. The only file allowed to look inside a message is lib/auth-errors.ts, for the
 * failures we do not raise (Convex Auth's own names, the browser's fetch errors).
 */
const SRC = fileURLToPath(new URL("..", import.meta.url));
const ALLOWED = new Set(["lib/auth-errors.ts"]);

const MESSAGE_MATCHING = [
  /\.message\s*\.\s*(includes|startsWith|endsWith|match|matchAll|indexOf|search)\s*\(/,
  /\.test\(\s*[\w.?]*\.message\s*\)/,
  /String\(\s*(error|err|caught|e)\s*\)\s*\.\s*(includes|startsWith|match|indexOf)\s*\(/,
];

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

test("no source file outside lib/auth-errors.ts matches on an error's message", () => {
  const offenders: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const path = relative(SRC, file).split("\\").join("/");
    if (ALLOWED.has(path)) continue;
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, index) => {
        if (MESSAGE_MATCHING.some((pattern) => pattern.test(line))) {
          offenders.push(`${path}:${index + 1}: ${line.trim()}`);
        }
      });
  }
  expect(offenders, "read our errors by code with readAppError (lib/app-error.ts)").toEqual([]);
});
