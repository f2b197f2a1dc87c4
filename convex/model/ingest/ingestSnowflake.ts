/** Discord snowflakes are 64-bit integers written as strings; compare them as BigInt. */
const SNOWFLAKE = /^\d{1,20}$/;

export function isSnowflake(value: string): boolean {
  return SNOWFLAKE.test(value);
}

/** -1, 0 or 1 as `a` is older than, equal to, or newer than `b`. */
export function compareSnowflakes(a: string, b: string): -1 | 0 | 1 {
  const left = BigInt(a);
  const right = BigInt(b);
  if (left === right) return 0;
  return left < right ? -1 : 1;
}
