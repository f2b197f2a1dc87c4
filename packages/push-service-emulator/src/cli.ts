// CLI: `pnpm --filter @g3/push-service-emulator start [--port 3500] [--host 127.0.0.1]`
// Env: PUSH_SERVICE_PORT, PUSH_SERVICE_HOST (flags win). Loopback only unless --allow-remote.
import { parseArgs } from "node:util";
import { z } from "zod";
import { startPushService } from "./server";

const ZConfig = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3500),
  host: z.string().min(1).default("127.0.0.1"),
});
const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    "allow-remote": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  process.stdout.write(
    "Usage: push-service-emulator [--port 3500] [--host 127.0.0.1] [--allow-remote]\n",
  );
  process.exit(0);
}
const config = ZConfig.parse({
  port: values.port ?? process.env.PUSH_SERVICE_PORT,
  host: values.host ?? process.env.PUSH_SERVICE_HOST,
});
if (!LOOPBACK.has(config.host) && !values["allow-remote"]) {
  process.stderr.write("refusing a non-loopback host without --allow-remote\n");
  process.exit(2);
}
const running = await startPushService({ port: config.port, host: config.host });
process.stdout.write(
  `${JSON.stringify({ time: new Date().toISOString(), level: "info", service: "push-service-emulator", event: "listening", origin: running.origin })}\n`,
);
const stop = () => {
  void running.close().then(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
