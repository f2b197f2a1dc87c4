// Discord snowflakes: 42 bits of milliseconds since the Discord epoch, 5 bits worker, 5 bits process,
// 12 bits increment. Real ids are 17–19 digits, which is what @discordjs/rest keys its buckets on.

export const DISCORD_EPOCH_MS = 1_420_070_400_000n;

export type SnowflakeParts = {
  timestampMs: number;
  worker?: number;
  process?: number;
  increment?: number;
};

export function snowflakeFrom({
  timestampMs,
  worker = 1,
  process = 0,
  increment = 0,
}: SnowflakeParts): string {
  const ms = BigInt(Math.floor(timestampMs)) - DISCORD_EPOCH_MS;
  if (ms < 0n) throw new RangeError(`timestamp ${timestampMs} is before the Discord epoch`);
  const id =
    (ms << 22n) |
    (BigInt(worker & 0x1f) << 17n) |
    (BigInt(process & 0x1f) << 12n) |
    BigInt(increment & 0xfff);
  return id.toString();
}

export function snowflakeTimestampMs(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH_MS);
}

export function isSnowflake(value: string): boolean {
  return /^\d{17,20}$/.test(value);
}

export function compareSnowflakes(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Monotonic generator: ids strictly increase even when many are made within one millisecond. */
export class SnowflakeGenerator {
  private lastMs = 0;
  private increment = 0;

  constructor(
    private readonly worker = 1,
    private readonly now: () => number = Date.now,
  ) {}

  next(): string {
    let ms = this.now();
    if (ms <= this.lastMs) {
      ms = this.lastMs;
      this.increment += 1;
      if (this.increment > 0xfff) {
        ms += 1;
        this.increment = 0;
      }
    } else {
      this.increment = 0;
    }
    this.lastMs = ms;
    return snowflakeFrom({ timestampMs: ms, worker: this.worker, increment: this.increment });
  }
}
