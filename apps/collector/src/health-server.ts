import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type HealthStatus = { ready: boolean } & Record<string, unknown>;

export type HealthServer = { port: number; close: () => Promise<void> };

/** `GET /health`: 200 with the status when ready, 503 with the same body otherwise. */
export async function startHealthServer(options: {
  host: string;
  port: number;
  status: () => HealthStatus;
}): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    if (request.method !== "GET" || request.url?.split("?")[0] !== "/health") {
      response.writeHead(404, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: "not found; try GET /health" }));
      return;
    }
    const status = options.status();
    response.writeHead(status.ready ? 200 : 503, {
      "content-type": "application/json",
      "cache-control": "no-store",
    });
    response.end(JSON.stringify(status));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
