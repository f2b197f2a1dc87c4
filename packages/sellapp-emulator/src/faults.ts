/** Injected API failures: the next `count` API requests answer `status` (with Retry-After for 429). */
export type Fault = { status: number; count: number; retryAfterSeconds?: number };

export class FaultQueue {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    if (fault.count > 0) this.faults.push({ ...fault });
  }

  clear(): void {
    this.faults = [];
  }

  /** The fault this request gets, if any (consumes one). */
  take(): Fault | undefined {
    const head = this.faults[0];
    if (head === undefined) return undefined;
    head.count--;
    if (head.count <= 0) this.faults.shift();
    return head;
  }
}
