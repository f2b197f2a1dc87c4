// Programmatic entry: start a market emulator in-process (tests) or from the CLI.
import type { AddressInfo } from "node:net";
import { MarketControl } from "./control-client.js";
import { createMarketHttpServer } from "./http.js";
import { Market } from "./market.js";
import { MarketSocketServer } from "./ws-server.js";

export type StartMarketOptions = {
  /** 0 = a free port (tests). */
  port?: number;
  host?: string;
  /** Same seed, same prices: every symbol's walk is derived from it. */
  seed?: string;
  tickMs?: number;
  /** > 1 makes the walk wilder (demos reach signal levels in minutes rather than days). */
  volatilityMultiplier?: number;
  prehistoryMinutes?: number;
  retentionMinutes?: number;
  controlToken?: string;
};

export type RunningMarket = {
  /** http://host:port — REST (klines) and the control API. */
  url: string;
  /** ws://host:port — /ws/<stream> and /stream?streams=… */
  wsUrl: string;
  control: MarketControl;
  market: Market;
  close: () => Promise<void>;
};

export async function startMarketEmulator(
  options: StartMarketOptions = {},
): Promise<RunningMarket> {
  const host = options.host ?? "127.0.0.1";
  const seed = options.seed ?? "g3-market";
  const market = new Market({
    seed,
    tickMs: options.tickMs ?? 250,
    volatilityMultiplier: options.volatilityMultiplier ?? 1,
    prehistoryMinutes: options.prehistoryMinutes ?? 24 * 60,
    retentionMinutes: options.retentionMinutes ?? 8 * 24 * 60,
  });
  const holder: { sockets?: MarketSocketServer } = {};
  const getSockets = () => {
    if (holder.sockets === undefined) throw new Error("sockets not ready");
    return holder.sockets;
  };
  const { server, state } = createMarketHttpServer(market, getSockets, options.controlToken);
  const socketServer = new MarketSocketServer(market, state.settings, state.faults, seed);
  holder.sockets = socketServer;
  server.on("upgrade", (req, socket, head) => {
    if (socketServer.handles(req.url ?? "/")) socketServer.upgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  market.start();
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    wsUrl: `ws://${urlHost}:${port}`,
    control: new MarketControl(url, options.controlToken),
    market,
    close: () =>
      (closing ??= (async () => {
        market.stop();
        await socketServer.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })()),
  };
}
