// Servers listen before the functions load (the URLs must be known first: they go into the
// functions' env). Until then a request gets 503 + Retry-After and a WebSocket upgrade is refused
// the same way, so a client that reconnects during a start or restart retries instead of hanging.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

const BODY = JSON.stringify({
  code: "BackendStarting",
  message: "The offline Convex backend is starting. Retry in a moment.",
});

function answerStarting(_request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(503, {
    "content-type": "application/json",
    "retry-after": "1",
    connection: "close",
  });
  response.end(BODY);
}

function refuseUpgrade(_request: IncomingMessage, socket: Duplex): void {
  socket.end(
    "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
  );
}

/** Answers "starting" on `server` until the returned release function is called. */
export function holdUntilReady(server: Server): () => void {
  server.on("request", answerStarting);
  server.on("upgrade", refuseUpgrade);
  return () => {
    server.off("request", answerStarting);
    server.off("upgrade", refuseUpgrade);
  };
}
