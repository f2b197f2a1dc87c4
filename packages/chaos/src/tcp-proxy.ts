import { createServer, connect, type Server, type Socket } from "node:net";

/**
 * A TCP proxy between one bot and the Convex backend that can be cut: cutting destroys every open
 * connection and refuses new ones until healed — a network partition as the bot sees it (its
 * WebSocket drops, reconnects fail), while the backend and every other client keep running.
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;
  private cut = false;
  port = 0;

  constructor(private readonly upstreamPort: number) {}

  async listen(): Promise<number> {
    const server = createServer((client) => this.accept(client));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    const address = server.address();
    this.port = typeof address === "object" && address !== null ? address.port : 0;
    return this.port;
  }

  get isCut(): boolean {
    return this.cut;
  }

  /** Partition: drop every connection now and refuse new ones. */
  partition(): void {
    this.cut = true;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  heal(): void {
    this.cut = false;
  }

  async close(): Promise<void> {
    this.partition();
    const server = this.server;
    if (server !== null) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (this.cut) {
      client.destroy();
      return;
    }
    const upstream = connect(this.upstreamPort, "127.0.0.1");
    // The proxy must not add latency of its own (small Convex frames, Nagle's 40 ms).
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    this.sockets.add(client);
    this.sockets.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
