/** Where each local service listens (loopback only). Backend ports match Convex's own local backend. */
export type Ports = {
  backend: number;
  site: number;
  emulator: number;
  web: number;
  collectorHealth: number;
  mirrorHealth: number;
};

export const DEFAULT_PORTS: Ports = {
  backend: 3210,
  site: 3211,
  emulator: 3300,
  web: 3000,
  collectorHealth: 8081,
  mirrorHealth: 8082,
};
