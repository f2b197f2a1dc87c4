// What the control API can change at run time: connection rules and injected faults.
import { z } from "zod";

export const ZConnectionSettings = z.object({
  /** The server pings every connection this often (Binance futures: 3 minutes). */
  pingIntervalMs: z.number().int().min(50).max(3_600_000),
  /** A connection that has not answered a ping for this long is dropped (Binance futures: 10 minutes). */
  pongTimeoutMs: z.number().int().min(100).max(3_600_000),
  /** Connections are closed at this age (Binance: 24 hours). */
  maxConnectionMs: z
    .number()
    .int()
    .min(100)
    .max(86_400_000 * 2),
  /** Incoming messages per second before the connection is dropped (Binance: 10). */
  maxIncomingPerSecond: z.number().int().min(1).max(10_000),
  /** Streams one connection may listen to (Binance: 1,024). */
  maxStreamsPerConnection: z.number().int().min(1).max(100_000),
});
export type ConnectionSettings = z.infer<typeof ZConnectionSettings>;

export const DEFAULT_CONNECTION_SETTINGS: ConnectionSettings = {
  pingIntervalMs: 180_000,
  pongTimeoutMs: 600_000,
  maxConnectionMs: 86_400_000,
  maxIncomingPerSecond: 10,
  maxStreamsPerConnection: 1024,
};

export const ZFaults = z.object({
  /** Share of outgoing stream frames silently dropped, 0..1. */
  dropRate: z.number().min(0).max(1),
  /** Share of outgoing frames held back and sent after the next one, 0..1. */
  outOfOrderRate: z.number().min(0).max(1),
  /** Symbols whose streams go quiet while the market keeps trading (klines still fill). */
  staleSymbols: z.array(z.string().regex(/^[A-Z0-9]{2,30}$/)).max(10_000),
});
export type Faults = z.infer<typeof ZFaults>;

export const NO_FAULTS: Faults = { dropRate: 0, outOfOrderRate: 0, staleSymbols: [] };
