// Ring buffers of REST requests and gateway events, readable through the control API.
export type RequestLogEntry = {
  id: number;
  time: string;
  method: string;
  path: string;
  route: string;
  status: number;
  actor: string | null;
  durationMs: number;
  fault?: string;
  rateLimited?: "user" | "global" | "shared";
};

export type GatewayLogEntry = {
  id: number;
  time: string;
  botId: string;
  sessionId: string | null;
  kind:
    | "dispatch"
    | "identify"
    | "resume"
    | "resumed"
    | "close"
    | "fault"
    | "heartbeat_ack_skipped"
    | "invalid_session";
  t?: string;
  seq?: number;
  detail?: Record<string, unknown>;
};

export class RingLog<T extends { id: number }> {
  private items: T[] = [];
  private nextId = 1;

  constructor(private readonly capacity: number) {}

  push(entry: Omit<T, "id">): T {
    const full = { ...entry, id: this.nextId++ } as T;
    this.items.push(full);
    // Trim in chunks so a full log costs amortised O(1) per entry, not a shift per push.
    if (this.items.length > this.capacity + Math.ceil(this.capacity / 4))
      this.items.splice(0, this.items.length - this.capacity);
    return full;
  }

  /** Entries with id > sinceId (at most `limit`, the newest), within the last `capacity` entries. */
  list(sinceId = 0, limit = 1000): T[] {
    return this.items
      .slice(-this.capacity)
      .filter((e) => e.id > sinceId)
      .slice(-limit);
  }

  clear(): void {
    this.items = [];
  }
}
