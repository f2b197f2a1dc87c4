// Starts the conformance app in one module format on free ports, with real clients.
import { type Backend, type BackendOptions, startBackend } from "../../src/backend.js";
import { silentLogger } from "../../src/log.js";
import { type ModuleFormat, materializeApp } from "./materialize.js";

export async function serveApp(
  format: ModuleFormat,
  options: Partial<BackendOptions> = {},
): Promise<Backend> {
  return await startBackend({
    functionsDir: materializeApp(format),
    port: 0,
    sitePort: 0,
    dataDir: null,
    logger: silentLogger,
    ...options,
  });
}
