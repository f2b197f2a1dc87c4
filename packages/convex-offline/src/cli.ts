// convex-offline CLI:
//   convex-offline dev --dir ./convex [--port 3210] [--site-port 3211] [--data .data/convex]
//                      [--env-file .env.local] [--reset] [--watch] [--no-codegen]
//   convex-offline codegen --dir ./convex       (convex codegen, plus `components` for apps
//                                                that install components)
//   convex-offline keys [--write .env.local]   (Convex Auth keys: print or append)
import { execFile } from "node:child_process";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateAuthKeys } from "./auth/keys.js";
import { parseEnvFile } from "./env.js";
import { startBackend } from "./backend.js";
import { writeComponentApi } from "./codegen/componentApi.js";
import { errorMessage, jsonLogger } from "./log.js";
import { type TimeLimits } from "./engine/timeLimits.js";

const USAGE = `Usage:
  convex-offline dev --dir <functionsDir> [--port 3210] [--site-port 3211] [--data <dir>]
                     [--env-file <file>] [--reset] [--watch] [--no-codegen] [--admin-key <key>]
                     [--redact-errors] [--query-time-limit <ms|none>] [--action-time-limit <ms|none>]
  convex-offline codegen --dir <functionsDir>
                     convex codegen offline; for an app with a convex.config, also the
                     \`components\` export of _generated/api
  convex-offline keys [--write <file>]
                     Generate Convex Auth keys (JWT_PRIVATE_KEY, JWKS): print them, or append
                     them to the env file when it has none yet`;

function findConvexBin(from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", ".bin", "convex");
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/**
 * `convex codegen --system-udfs --typecheck disable` works offline (wire note §5); it leaves
 * out the `components` export, which componentApi.ts adds for an app with components.
 */
async function codegen(functionsDir: string): Promise<void> {
  await convexCodegen(functionsDir);
  await writeComponentApi(functionsDir);
}

function convexCodegen(functionsDir: string): Promise<void> {
  const projectDir = dirname(functionsDir);
  const bin = findConvexBin(projectDir);
  if (bin === null) return Promise.reject(new Error("convex CLI not found in node_modules"));
  return new Promise((done, fail) => {
    execFile(
      bin,
      ["codegen", "--system-udfs", "--typecheck", "disable"],
      { cwd: projectDir },
      (error, _out, stderr) => {
        if (error) fail(new Error(`convex codegen failed: ${stderr.trim() || error.message}`));
        else done();
      },
    );
  });
}

/** `--query-time-limit 5000` (ms) or `none`; unset keeps the default. */
function timeLimitOption(
  flag: string,
  key: keyof TimeLimits,
  value: string | undefined,
): Partial<TimeLimits> {
  if (value === undefined) return {};
  if (value === "none") return { [key]: Infinity };
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms <= 0) {
    throw new Error(`--${flag} takes a positive number of milliseconds or "none", not "${value}".`);
  }
  return { [key]: ms };
}

async function dev(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      dir: { type: "string", default: "./convex" },
      port: { type: "string", default: "3210" },
      "site-port": { type: "string", default: "3211" },
      data: { type: "string", default: ".data/convex" },
      "env-file": { type: "string" },
      "admin-key": { type: "string" },
      reset: { type: "boolean", default: false },
      watch: { type: "boolean", default: false },
      "no-codegen": { type: "boolean", default: false },
      "log-level": { type: "string", default: "info" },
      "redact-errors": { type: "boolean", default: false },
      "query-time-limit": { type: "string" },
      "action-time-limit": { type: "string" },
    },
  });
  const level = values["log-level"];
  const logger = jsonLogger(
    level === "debug" || level === "warn" || level === "error" ? level : "info",
  );
  const functionsDir = resolve(values.dir);
  if (!existsSync(functionsDir))
    throw new Error(`Functions directory ${functionsDir} does not exist (--dir).`);
  const runCodegen = async (): Promise<void> => {
    if (values["no-codegen"]) return;
    await codegen(functionsDir);
    logger.log("info", "codegen.done", { functionsDir });
  };
  try {
    await runCodegen();
  } catch (error) {
    logger.log("warn", "codegen.failed", {
      error: errorMessage(error),
      hint: "Pass --no-codegen to skip.",
    });
  }
  const backend = await startBackend({
    functionsDir,
    port: Number(values.port),
    sitePort: Number(values["site-port"]),
    dataDir: values.data,
    reset: values.reset,
    watch: values.watch,
    beforeReload: runCodegen,
    logger,
    redactErrors: values["redact-errors"],
    timeLimits: {
      ...timeLimitOption("query-time-limit", "queryMutationMs", values["query-time-limit"]),
      ...timeLimitOption("action-time-limit", "actionMs", values["action-time-limit"]),
    },
    ...(values["env-file"] ? { envFile: values["env-file"] } : {}),
    ...(values["admin-key"] ? { adminKey: values["admin-key"] } : {}),
  });
  process.stdout.write(
    [
      `Convex offline backend running`,
      `  CONVEX_URL / NEXT_PUBLIC_CONVEX_URL = ${backend.url}`,
      `  CONVEX_SITE_URL                     = ${backend.siteUrl}`,
      `  CONVEX_SELF_HOSTED_URL=${backend.url}`,
      `  CONVEX_SELF_HOSTED_ADMIN_KEY=${backend.adminKey}`,
      "",
    ].join("\n"),
  );
  const shutdown = (signal: string): void => {
    logger.log("info", "backend.shutdown", { signal });
    backend.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.log("error", "backend.shutdown_failed", { error: errorMessage(error) });
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

async function codegenCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { dir: { type: "string", default: "./convex" } },
  });
  await codegen(resolve(values.dir));
}

async function keys(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { write: { type: "string" } } });
  const generated = await generateAuthKeys();
  const lines = `JWT_PRIVATE_KEY="${generated.JWT_PRIVATE_KEY}"\nJWKS=${generated.JWKS}\n`;
  const file = values.write;
  if (file === undefined) {
    process.stdout.write(lines);
    return;
  }
  const existing = existsSync(file) ? parseEnvFile(readFileSync(file, "utf8")) : {};
  if (existing.JWT_PRIVATE_KEY !== undefined || existing.JWKS !== undefined) {
    process.stderr.write(`${file} already has JWT_PRIVATE_KEY/JWKS; left unchanged.\n`);
    return;
  }
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  const separator = current === "" || current.endsWith("\n") ? "" : "\n";
  appendFileSync(file, separator + lines, { mode: 0o600 });
  process.stderr.write(`Wrote JWT_PRIVATE_KEY and JWKS to ${file}.\n`);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "dev") return dev(rest);
  if (command === "keys") return keys(rest);
  if (command === "codegen") return codegenCommand(rest);
  process.stderr.write(`${USAGE}\n`);
  process.exit(command === undefined || command === "--help" ? 0 : 2);
}

main().catch((error: unknown) => {
  process.stderr.write(`convex-offline: ${errorMessage(error)}\n`);
  process.exit(1);
});
