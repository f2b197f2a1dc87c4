#!/usr/bin/env node
// Regenerates convex/_generated with no deployment and no network: the offline backend's
// codegen runs `convex codegen --system-udfs` (the CLI renders its templates locally) and, since
// convex/convex.config.ts installs components, adds the `components` export the CLI writes only
// after a push to a deployment.
// With --check, restores the committed files and exits 1 if they were stale.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const generatedDir = join(root, "convex", "_generated");
const check = process.argv.includes("--check");

function snapshot() {
  if (!existsSync(generatedDir)) return new Map();
  return new Map(
    readdirSync(generatedDir).map((name) => [name, readFileSync(join(generatedDir, name), "utf8")]),
  );
}

const before = snapshot();
execFileSync(
  process.execPath,
  [
    join(root, "packages", "convex-offline", "bin", "convex-offline.mjs"),
    "codegen",
    "--dir",
    join(root, "convex"),
  ],
  { cwd: root, stdio: ["ignore", "ignore", "inherit"] },
);
const after = snapshot();

const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
  (name) => before.get(name) !== after.get(name),
);

if (!check) {
  console.log(
    changed.length
      ? `convex/_generated: updated ${changed.join(", ")}`
      : "convex/_generated: up to date",
  );
  process.exit(0);
}

// --check: put the committed files back, then report.
rmSync(generatedDir, { recursive: true, force: true });
mkdirSync(generatedDir, { recursive: true });
for (const [name, text] of before) writeFileSync(join(generatedDir, name), text);
if (changed.length) {
  console.error(
    `convex/_generated is stale (${changed.join(", ")}). Run \`pnpm codegen\` and commit the result.`,
  );
  process.exit(1);
}
console.log("convex/_generated is up to date");
