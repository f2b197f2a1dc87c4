// Starts the whole system locally with no account and no network:
//   offline Convex (3210/3211) · Discord emulator with the demo world (3300) · collector · mirror ·
//   web (3000) · demo signal feed — and keeps the bots running: one that dies is restarted.
// Usage: bash scripts/local.sh [--reset] [--no-demo-feed] [--web production] [--instances N] [--status]
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_PORTS, offsetPorts } from "./ports.js";
import { DEMO_PRODUCT_ID } from "./seed.js";
import { startLocalStack, type LocalStack } from "./stack.js";
import { formatStatus, readStatusFile } from "./status-file.js";
import type { SupervisorEvent } from "./supervisor.js";

const root = resolve(import.meta.dirname, "../../..");
const statusFile = join(root, ".local/status.json");

function say(message: string): void {
  process.stdout.write(`\u001b[1mlocal      |\u001b[0m ${message}\n`);
}

const USAGE =
  "Usage: bash scripts/local.sh [--reset] [--no-demo-feed] [--web dev|production] [--instances N] [--port-offset N] [--status]\n" +
  "  --reset         wipe local Convex data (.data/convex) first\n" +
  "  --no-demo-feed  do not post demo signals\n" +
  "  --web           dev (default, hot reload) or production (needs `pnpm --filter @g3/web build`)\n" +
  "  --instances N   run N collectors and N mirrors side by side (1–9, default 1; health ports\n" +
  "                  8081/8082, then 8181/8182, 8281/8282, …)\n" +
  "  --port-offset N add N to every port (a second stack beside a running one, e.g. 10000)\n" +
  "  --status        print the running stack's services (state, pid, restarts) and exit\n";

/** A human line on the terminal for each lifecycle event worth seeing (all are in supervisor.log). */
function describeEvent(event: SupervisorEvent): string | null {
  switch (event.event) {
    case "service.restart_scheduled":
      return (
        `${event.service} died (${event.signal ?? `exit code ${event.code}`}) after ` +
        `${(event.ranMs / 1000).toFixed(1)} s; restart #${event.restarts} in ` +
        `${(event.delayMs / 1000).toFixed(1)} s`
      );
    case "service.ready":
      return event.restarts > 0 ? `${event.service} is back (restarts: ${event.restarts})` : null;
    case "service.ready_timeout":
      return `${event.service} did not get ready after its restart (${event.error}); killing it`;
    default:
      return null;
  }
}

function printStatus(): void {
  const status = readStatusFile(statusFile);
  if (status === null) {
    process.stdout.write("No local stack has run here yet (.local/status.json is missing).\n");
    return;
  }
  let alive = true;
  try {
    process.kill(status.supervisorPid, 0);
  } catch {
    alive = false;
  }
  process.stdout.write(`${formatStatus(status, alive)}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reset: { type: "boolean", default: false },
      "no-demo-feed": { type: "boolean", default: false },
      web: { type: "string", default: "dev" },
      instances: { type: "string", default: "1" },
      "port-offset": { type: "string", default: "0" },
      status: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (values.status) {
    printStatus();
    return;
  }
  if (values.web !== "dev" && values.web !== "production") {
    throw new Error(`--web must be "dev" or "production", not "${values.web}"`);
  }
  const instances = Number(values.instances);
  if (!Number.isInteger(instances) || instances < 1 || instances > 9) {
    throw new Error(`--instances must be a whole number from 1 to 9, not "${values.instances}"`);
  }

  const starting = new AbortController();
  let stack: LocalStack | null = null;
  let started: Promise<unknown> = Promise.resolve();
  let shuttingDown = false;
  const shutdown = async (code: number): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    say("stopping…");
    starting.abort(); // during the start: stops what is up, in reverse order
    await started.catch(() => undefined);
    await stack?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    const starts = startLocalStack({
      root,
      instances,
      ports: offsetPorts(DEFAULT_PORTS, Number(values["port-offset"])),
      demoFeed: !values["no-demo-feed"],
      web: values.web,
      reset: values.reset,
      statusFile,
      signal: starting.signal,
      say,
      onEvent: (event) => {
        const line = describeEvent(event);
        if (line !== null) say(line);
      },
      onFinalExit: (name, exit) => {
        const how = exit.signal ?? `exit code ${exit.code}`;
        if (exit.reason === "burst-limit") {
          say(
            `${name} keeps dying (${how}, ${exit.restarts} restarts); gave up. ` +
              `See .local/logs/${name}.log; the rest keeps running. Ctrl-C and start again once it is fixed.`,
          );
        } else if (exit.reason === "clean-exit") {
          say(`${name} exited on its own with code 0; not restarted (only failures are).`);
        } else {
          say(
            `${name} exited unexpectedly (${how}); see .local/logs/${name}.log. Stopping everything.`,
          );
          void shutdown(1);
        }
      },
    });
    started = starts;
    stack = await starts;
  } catch (error) {
    if (shuttingDown) return;
    say(`failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const { ports } = stack;
  say(
    [
      "everything is up:",
      `  web dashboard     http://localhost:${ports.web}   (sign up; admin: admin@g3.local)`,
      `  dev mailbox       http://localhost:${ports.web}/dev/mailbox   (verification codes)`,
      `  Discord emulator  http://127.0.0.1:${ports.emulator}   (read-only view of both guilds)`,
      `  Convex backend    http://127.0.0.1:${ports.backend}  site http://127.0.0.1:${ports.site}`,
      ...(ports.sellapp === undefined
        ? []
        : [
            `  Sell.app stand-in http://127.0.0.1:${ports.sellapp}/_control/state   (7 legacy orders; /admin/sellapp-runs imports them)`,
          ]),
      `  buy access        pnpm sellapp:send --event order.completed --email <you> --product-id ${DEMO_PRODUCT_ID}`,
      `  status            bash scripts/local.sh --status   (or .local/status.json)`,
      "  logs              .local/logs/<service>.log, restarts in .local/logs/supervisor.log   ·   Ctrl-C stops everything",
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  say(`failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
