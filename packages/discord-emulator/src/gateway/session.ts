// One gateway session: sequence numbers and the replay buffer survive disconnects, so a RESUME
// on a new socket gets every dispatch with s > its last seq, exactly once.
import { randomBytes } from "node:crypto";
import type { WebSocket } from "ws";
import type { ApplicationRecord } from "../world/types.js";
import { Op } from "./opcodes.js";

export type BufferedDispatch = { s: number; t: string; d: unknown };

export class GatewaySession {
  readonly id = randomBytes(16).toString("hex");
  seq = 0;
  socket: WebSocket | null = null;
  disconnectedAt: number | null = null;
  private buffer: BufferedDispatch[] = [];

  constructor(
    readonly app: ApplicationRecord,
    readonly intents: number,
    readonly largeThreshold: number,
    private readonly bufferSize: number,
  ) {}

  get botId(): string {
    return this.app.bot.id;
  }

  hasIntent(bit: number): boolean {
    return (this.intents & bit) === bit;
  }

  /** Assigns the next sequence number, buffers, and sends if a socket is attached. */
  dispatch(t: string, d: unknown): number {
    this.seq += 1;
    const entry = { s: this.seq, t, d };
    this.buffer.push(entry);
    if (this.buffer.length > this.bufferSize)
      this.buffer.splice(0, this.buffer.length - this.bufferSize);
    this.send(entry);
    return entry.s;
  }

  /** A dispatch that takes a sequence number but is not replayed (RESUMED). */
  dispatchUnbuffered(t: string, d: unknown): number {
    this.seq += 1;
    this.send({ s: this.seq, t, d });
    return this.seq;
  }

  /** Dispatches after `seq`, or null when the buffer no longer reaches back that far. */
  replayAfter(seq: number): BufferedDispatch[] | null {
    if (seq > this.seq) return null;
    const first = this.buffer[0];
    if (first && first.s > seq + 1) return null;
    if (!first && this.seq > seq) return null;
    return this.buffer.filter((e) => e.s > seq);
  }

  send(entry: BufferedDispatch): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== socket.OPEN) return;
    socket.send(JSON.stringify({ op: Op.Dispatch, t: entry.t, s: entry.s, d: entry.d }));
  }
}
