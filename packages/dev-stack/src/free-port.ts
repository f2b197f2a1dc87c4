import { createServer } from "node:net";

/**
 * A TCP port free on `host` right now: `preferred` when it is free (a stable URL lets the
 * production web build, which bakes in the backend URL, be reused between runs), else any.
 */
export function freePort(preferred = 0, host = "127.0.0.1"): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (preferred !== 0 && error.code === "EADDRINUSE") resolvePort(freePort(0, host));
      else reject(error);
    });
    server.listen(preferred, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}
