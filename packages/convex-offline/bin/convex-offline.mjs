#!/usr/bin/env node
// Runs the TypeScript CLI with tsx's loader. (`node --import <tsx> cli.ts …` rather than the tsx
// CLI, which would swallow our --env-file flag as its own.)
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm")).href;
const cli = join(here, "..", "src", "cli.ts");
const child = spawn(process.execPath, ["--import", tsxLoader, cli, ...process.argv.slice(2)], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
