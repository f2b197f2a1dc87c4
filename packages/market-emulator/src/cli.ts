// CLI: `pnpm --filter @g3/market-emulator start [--port 3400] [--seed s] [--volatility 1] [--tick-ms 250]`
// Env: MARKET_EMULATOR_PORT, _HOST, _SEED, _VOLATILITY, _TICK_MS, _CONTROL_TOKEN (flags win).
import { parseArgs } from "node:util";
import { z } from "zod";
import { startMarketEmulator } from "./start.js";

const ZConfig = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3400),
  host: z.string().min(1).default("127.0.0.1"),
  seed: z.string().min(1).default("g3-market"),
  volatility: z.coerce.number().positive().max(10_000).default(1),
  tickMs: z.coerce.number().int().min(10).max(60_000).default(250),
  controlToken: z.string().min(16).optional(),
});

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    seed: { type: "string" },
    volatility: { type: "string" },
    "tick-ms": { type: "string" },
    "allow-remote": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  process.stdout.write(
    "Usage: market-emulator [--port 3400] [--host 127.0.0.1] [--seed g3-market] [--volatility 1] [--tick-ms 250] [--allow-remote]\n",
  );
  process.exit(0);
}
const env = process.env;
const config = ZConfig.parse({
  port: values.port ?? env.MARKET_EMULATOR_PORT,
  host: values.host ?? env.MARKET_EMULATOR_HOST,
  seed: values.seed ?? env.MARKET_EMULATOR_SEED,
  volatility: values.volatility ?? env.MARKET_EMULATOR_VOLATILITY,
  tickMs: values["tick-ms"] ?? env.MARKET_EMULATOR_TICK_MS,
  controlToken: env.MARKET_EMULATOR_CONTROL_TOKEN,
});
if (!LOOPBACK.has(config.host) && !values["allow-remote"]) {
  process.stderr.write("refusing a non-loopback host without --allow-remote\n");
  process.exit(2);
}
const running = await startMarketEmulator({
  port: config.port,
  host: config.host,
  seed: config.seed,
  volatilityMultiplier: config.volatility,
  tickMs: config.tickMs,
  ...(config.controlToken === undefined ? {} : { controlToken: config.controlToken }),
});
process.stdout.write(
  `${JSON.stringify({ time: new Date().toISOString(), level: "info", service: "market-emulator", event: "listening", url: running.url, wsUrl: running.wsUrl, seed: config.seed })}\n`,
);
const stop = () => {
  void running.close().then(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
