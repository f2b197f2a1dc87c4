// CLI: `pnpm --filter @g3/discord-emulator start [--port 3300] [--host 127.0.0.1] [--world file.json]`
// Env: DISCORD_EMULATOR_PORT, _HOST, _WORLD, _CONTROL_TOKEN, _CDN_SECRET, _LOG_LEVEL (flags win).
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createLogger } from "./logger.js";
import { startEmulator } from "./start.js";
import { ZWorldSpec } from "./world/spec.js";

const ZConfig = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3300),
  host: z.string().min(1).default("127.0.0.1"),
  world: z.string().optional(),
  controlToken: z.string().min(16, "control token must be at least 16 characters").optional(),
  cdnSecret: z.string().min(16, "CDN secret must be at least 16 characters").optional(),
  logLevel: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      world: { type: "string" },
      "control-token": { type: "string" },
      "log-level": { type: "string" },
      "allow-remote": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      "Usage: discord-emulator [--port 3300] [--host 127.0.0.1] [--world world.json] [--control-token T] [--log-level info] [--allow-remote]\n",
    );
    return;
  }
  const env = process.env;
  const config = ZConfig.parse({
    port: values.port ?? env.DISCORD_EMULATOR_PORT,
    host: values.host ?? env.DISCORD_EMULATOR_HOST,
    world: values.world ?? env.DISCORD_EMULATOR_WORLD,
    controlToken: values["control-token"] ?? env.DISCORD_EMULATOR_CONTROL_TOKEN,
    cdnSecret: env.DISCORD_EMULATOR_CDN_SECRET,
    logLevel: values["log-level"] ?? env.DISCORD_EMULATOR_LOG_LEVEL,
  });
  const logger = createLogger(config.logLevel);
  if (!LOOPBACK.has(config.host) && !values["allow-remote"]) {
    logger.error("refusing_non_loopback_host", {
      host: config.host,
      fix: "pass --allow-remote to listen beyond loopback",
    });
    process.exitCode = 2;
    return;
  }

  let world: unknown = undefined;
  if (config.world) {
    const text = await readFile(config.world, "utf8");
    const parsed = ZWorldSpec.safeParse(JSON.parse(text));
    if (!parsed.success) {
      logger.error("invalid_world_file", {
        file: config.world,
        issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      });
      process.exitCode = 2;
      return;
    }
    world = parsed.data;
  }

  const emu = await startEmulator({
    port: config.port,
    host: config.host,
    world: world as z.input<typeof ZWorldSpec> | undefined,
    controlToken: config.controlToken,
    cdnSecret: config.cdnSecret,
    logLevel: config.logLevel,
  });
  logger.info("emulator_started", {
    url: emu.url,
    apiUrl: emu.apiUrl,
    gatewayUrl: emu.gatewayUrl,
    controlApi: `${emu.url}/_control`,
    controlProtected: config.controlToken !== undefined,
    world: config.world ?? "built-in demoWorld",
    bots: [...emu.world.applications.values()].map((a) => ({
      name: a.name,
      botId: a.bot.id,
      tokenEnvVar: a.tokenEnvVar ?? null,
    })),
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("emulator_stopping", { signal });
    const hardStop = setTimeout(() => {
      logger.error("emulator_forced_exit", { after_ms: 5000 });
      process.exit(1);
    }, 5_000);
    hardStop.unref();
    emu
      .close()
      .then(() => logger.info("emulator_stopped", {}))
      .catch((error: unknown) => {
        logger.error("emulator_stop_failed", { error: String(error) });
        process.exitCode = 1;
      });
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: "error", service: "discord-emulator", event: "startup_failed", error: error instanceof Error ? error.message : String(error) })}\n`,
  );
  process.exitCode = 1;
});
