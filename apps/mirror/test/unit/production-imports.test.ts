import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

/**
 * The bot's production source talks to Discord through discord.js only. Anything that drives the
 * Discord emulator's control API (the drift CLI, harnesses) belongs to the test kit in test/.
 */
const SRC = fileURLToPath(new URL("../../src", import.meta.url));

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (name.endsWith(".ts")) out.push(full);
  }
  return out;
}

test("no production source imports the Discord emulator", () => {
  const offenders = sourceFiles(SRC)
    .filter((file) => /from\s+["']@g3\/discord-emulator/.test(readFileSync(file, "utf8")))
    .map((file) => relative(SRC, file));
  expect(offenders).toEqual([]);
});
