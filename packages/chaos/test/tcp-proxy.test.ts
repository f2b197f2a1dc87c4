import { createServer, connect, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { TcpProxy } from "../src/tcp-proxy.js";

/** Connects, sends one line and resolves with the echo, or with "closed" if the proxy cut it. */
function roundTrip(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => socket.write("ping\n"));
    socket.once("data", (data) => {
      resolve(data.toString());
      socket.destroy();
    });
    socket.once("close", () => resolve("closed"));
    socket.once("error", () => resolve("closed"));
  });
}

describe("TcpProxy", () => {
  let echo: Server;
  let proxy: TcpProxy;
  afterEach(async () => {
    await proxy.close();
    await new Promise<void>((resolve) => echo.close(() => resolve()));
  });

  it("forwards, drops open connections and refuses new ones while partitioned, then heals", async () => {
    echo = createServer((socket) => socket.pipe(socket));
    await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", () => resolve()));
    const address = echo.address();
    proxy = new TcpProxy(typeof address === "object" && address !== null ? address.port : 0);
    const port = await proxy.listen();
    expect(await roundTrip(port)).toBe("ping\n");

    const open = connect(port, "127.0.0.1");
    await new Promise((resolve) => open.once("connect", resolve));
    const dropped = new Promise((resolve) => open.once("close", resolve));
    proxy.partition();
    await dropped;
    expect(await roundTrip(port)).toBe("closed");

    proxy.heal();
    expect(await roundTrip(port)).toBe("ping\n");
  });
});
