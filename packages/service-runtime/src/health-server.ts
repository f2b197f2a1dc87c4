import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type HealthReport = { ok: boolean; [key: string]: unknown };

/**
 * GET /health → 200 when ready, 503 otherwise, with a small JSON body (never cached; a query string
 * is ignored). Loopback unless `host` says otherwise (a container's probe from outside).
 */
export async function startHealthServer(
  port: number,
  report: () => HealthReport,
  options: { host?: string } = {},
): Promise<{ port: number; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/health") {
      res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
      return;
    }
    const body = report();
    res
      .writeHead(body.ok ? 200 : 503, {
        "content-type": "application/json",
        "cache-control": "no-store",
      })
      .end(JSON.stringify(body));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, options.host ?? "127.0.0.1", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
