// Programmatic entry: start an emulator in-process (tests, demos) or from the CLI.
import type { AddressInfo } from "node:net";
import { ControlClient } from "./control/client.js";
import { EmulatorCore } from "./core.js";
import { demoWorld } from "./demo-world.js";
import { createLogger, type LogLevel } from "./logger.js";
import { createEmulatorServer } from "./server.js";
import { parseWorldSpec, type TWorldSpecInput } from "./world/spec.js";
import type { World } from "./world/world.js";

export type StartEmulatorOptions = {
  /** 0 = pick a free port (default for tests). */
  port?: number;
  host?: string;
  world?: TWorldSpecInput;
  controlToken?: string;
  /** HMAC key for CDN URLs; random per process when omitted. */
  cdnSecret?: string;
  logLevel?: LogLevel;
};

export type RunningEmulator = {
  url: string;
  apiUrl: string;
  gatewayUrl: string;
  control: ControlClient;
  /** The current world (replaced by control resets). */
  readonly world: World;
  core: EmulatorCore;
  close: () => Promise<void>;
};

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const logger = createLogger(options.logLevel ?? "silent");
  const core = new EmulatorCore(parseWorldSpec(options.world ?? demoWorld), logger, {
    cdnSecret: options.cdnSecret,
  });
  const { server, gateway } = createEmulatorServer(core, { controlToken: options.controlToken });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  core.baseUrl = `http://${urlHost}:${port}`;
  const control = new ControlClient(core.baseUrl, options.controlToken);
  let closing: Promise<void> | null = null;
  return {
    url: core.baseUrl,
    apiUrl: core.apiUrl,
    gatewayUrl: core.gatewayUrl,
    control,
    get world() {
      return core.world;
    },
    core,
    close: () =>
      (closing ??= (async () => {
        await gateway.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })()),
  };
}
