/** Where each local service listens (loopback only). Backend ports match Convex's own local backend. */
export type Ports = {
  backend: number;
  site: number;
  emulator: number;
  web: number;
  collectorHealth: number;
  mirrorHealth: number;
  /** The market emulator; stacks without it (benches, chaos) run no tracker either. */
  market?: number;
  trackerHealth?: number;
  /** The Sell.app stand-in with a small demo store; stacks without it (benches, chaos) skip it. */
  sellapp?: number;
};

export const DEFAULT_PORTS: Ports = {
  backend: 3210,
  site: 3211,
  emulator: 3300,
  web: 3000,
  collectorHealth: 8081,
  mirrorHealth: 8082,
  market: 3400,
  trackerHealth: 8083,
  sellapp: 3500,
};

/**
 * Every port moved by `offset`, for a second stack beside a running one (`--port-offset 10000`
 * for a rehearsal from a fresh clone).
 */
export function offsetPorts(ports: Ports, offset: number): Ports {
  if (!Number.isInteger(offset) || offset < 0 || offset > 50_000) {
    throw new Error(`the port offset must be a whole number from 0 to 50000, not ${offset}`);
  }
  return Object.fromEntries(
    Object.entries(ports).map(([name, port]) => [name, port + offset]),
  ) as Ports;
}

/** Between one instance's health port and the next instance's (8081 → 8181 → 8281). */
export const INSTANCE_PORT_STEP = 100;

/** A bot instance's health port: the base port for instance 1, then a step of 100 per instance. */
export function healthPort(ports: Ports, bot: "collector" | "mirror", instance: number): number {
  const base = bot === "collector" ? ports.collectorHealth : ports.mirrorHealth;
  return base + (instance - 1) * INSTANCE_PORT_STEP;
}
