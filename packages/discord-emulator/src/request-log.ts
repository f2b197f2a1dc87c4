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
    if (this.items.length > this.capacity) this.items.splice(0, this.items.length - this.capacity);
    return full;
  }

  list(sinceId = 0, limit = 1000): T[] {
    return this.items.filter((e) => e.id > sinceId).slice(-limit);
  }

  clear(): void {
    this.items = [];
  }
}
