// Starts the whole system locally with no account and no network:
//   offline Convex (3210/3211) · Discord emulator with the demo world (3300) · collector · mirror ·
//   web (3000) · demo signal feed.
// Usage: bash scripts/local.sh [--reset] [--no-demo-feed] [--web production]
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { defaultLocalEnv, ensureLocalEnv } from "./local-env.js";
import { DEFAULT_PORTS } from "./ports.js";
import { DEMO_PRODUCT_ID, seedDemoWorld } from "./seed.js";
import { stackServices } from "./services.js";
import { Supervisor } from "./supervisor.js";

const root = resolve(import.meta.dirname, "../../..");

function say(message: string): void {
  process.stdout.write(`\u001b[1mlocal    |\u001b[0m ${message}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reset: { type: "boolean", default: false },
      "no-demo-feed": { type: "boolean", default: false },
      web: { type: "string", default: "dev" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      "Usage: bash scripts/local.sh [--reset] [--no-demo-feed] [--web dev|production]\n" +
        "  --reset         wipe local Convex data (.data/convex) first\n" +
        "  --no-demo-feed  do not post demo signals\n" +
        "  --web           dev (default, hot reload) or production (needs `pnpm --filter @g3/web build`)\n",
    );
    return;
  }
  if (values.web !== "dev" && values.web !== "production") {
    throw new Error(`--web must be "dev" or "production", not "${values.web}"`);
  }
  const ports = DEFAULT_PORTS;
  const envFile = join(root, ".env.local");
  const { env, added } = await ensureLocalEnv(envFile, () => defaultLocalEnv(ports));
  if (added.length > 0) say(`wrote ${added.length} setting(s) to .env.local (${added.join(", ")})`);

  const supervisor = new Supervisor(join(root, ".local/logs"), (name, code) => {
    say(
      `${name} exited unexpectedly (code ${code}); see .local/logs/${name}.log. Stopping everything.`,
    );
    void shutdown(1);
  });
  let shuttingDown = false;
  const shutdown = async (code: number): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    say("stopping…");
    await supervisor.stopAll();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  const services = stackServices({
    root,
    ports,
    env,
    reset: values.reset,
    demoFeed: !values["no-demo-feed"],
    web: values.web,
  });
  try {
    say("starting the Discord emulator with the demo world…");
    await supervisor.start(services.emulator);
    say("starting the offline Convex backend…");
    await supervisor.start(services.backend);
    const adminKey = readFileSync(join(root, ".data/convex/admin_key"), "utf8").trim();
    await seedDemoWorld(`http://127.0.0.1:${ports.backend}`, adminKey);
    say("configured the demo tier (vip) and the #vip-signals mapping");
    for (const app of services.apps) {
      say(`starting ${app.name}…`);
      await supervisor.start(app);
    }
  } catch (error) {
    say(`failed to start: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
    return;
  }
  say(
    [
      "everything is up:",
      `  web dashboard     http://localhost:${ports.web}   (sign up; admin: admin@g3.local)`,
      `  dev mailbox       http://localhost:${ports.web}/dev/mailbox   (verification codes)`,
      `  Discord emulator  http://127.0.0.1:${ports.emulator}   (read-only view of both guilds)`,
      `  Convex backend    http://127.0.0.1:${ports.backend}  site http://127.0.0.1:${ports.site}`,
      `  buy access        pnpm sellapp:send --event order.completed --email <you> --product-id ${DEMO_PRODUCT_ID}`,
      "  logs              .local/logs/<service>.log   ·   Ctrl-C stops everything",
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  say(`failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
