// Order-preserving string encoding of Convex values: for any values a and b,
// compareValues(a, b) has the sign of (encodeValue(a) < encodeValue(b) ? -1 : …) under plain
// JavaScript string comparison. Index keys are concatenations of encoded values, so every
// encoded value is self-delimiting and a key prefix sorts before all of its extensions.
import { CommitTsPlaceholder, type Value } from "convex/values";

// Type tags in Convex's order: undefined < null < int64 < float64 < boolean < string < bytes
// < array < object. The terminator sorts below every tag.
const TERMINATOR = "!";
const TAG_UNDEFINED = "B";
const TAG_NULL = "C";
const TAG_INT64 = "D";
const TAG_FLOAT64 = "E";
const TAG_BOOLEAN = "F";
const TAG_STRING = "G";
const TAG_BYTES = "H";
const TAG_ARRAY = "I";
const TAG_OBJECT = "K";

/** A string greater than every key that starts with a given prefix (tags are ASCII). */
export const AFTER_PREFIX = "\uffff";

const float64 = new DataView(new ArrayBuffer(8));
const SIGN_BIT = 1n << 63n;
const ALL_BITS = (1n << 64n) - 1n;

function hex16(value: bigint): string {
  return value.toString(16).padStart(16, "0");
}

function encodeFloat64(value: number): string {
  float64.setFloat64(0, value);
  const bits = float64.getBigUint64(0);
  // Negative numbers: flip every bit; positive: flip the sign bit. NaNs follow their sign,
  // as Convex's compareNumbers orders them.
  return hex16((bits & SIGN_BIT) !== 0n ? ~bits & ALL_BITS : bits | SIGN_BIT);
}

function encodeInt64(value: bigint): string {
  return hex16(BigInt.asUintN(64, value + SIGN_BIT));
}

// Strings compare by code point (UTF-8 byte order). Code points below U+D800 become one
// UTF-16 unit shifted by 2 (so 0 and 1 stay free for the terminator); the rest become two
// units, high part first, both above the single-unit range.
function encodeString(value: string): string {
  let out = "";
  for (const char of value) {
    const cp = char.codePointAt(0) ?? 0;
    if (cp < 0xd800) {
      out += String.fromCharCode(cp + 2);
    } else {
      out += String.fromCharCode(0xd802 + (cp >> 10), 2 + (cp & 0x3ff));
    }
  }
  return out + "\u0000";
}

function encodeBytes(value: ArrayBuffer): string {
  let out = "";
  for (const byte of new Uint8Array(value)) out += byte.toString(16).padStart(2, "0");
  return out + TERMINATOR;
}

export function encodeValue(value: Value | undefined): string {
  if (value === undefined) return TAG_UNDEFINED;
  if (value === null) return TAG_NULL;
  switch (typeof value) {
    case "bigint":
      return TAG_INT64 + encodeInt64(value);
    case "number":
      return TAG_FLOAT64 + encodeFloat64(value);
    case "boolean":
      return TAG_BOOLEAN + (value ? "1" : "0");
    case "string":
      return TAG_STRING + encodeString(value);
    default:
      break;
  }
  if (value instanceof ArrayBuffer) return TAG_BYTES + encodeBytes(value);
  // An unresolved commit timestamp reads as the largest int64 until it commits.
  if (value instanceof CommitTsPlaceholder) return TAG_INT64 + encodeInt64((1n << 63n) - 1n);
  if (Array.isArray(value)) {
    let out = TAG_ARRAY;
    for (const item of value) out += encodeValue(item);
    return out + TERMINATOR;
  }
  // Objects compare as the sorted list of [key, value] pairs (see convex/values compare.ts).
  let out = TAG_OBJECT;
  const record = value as Record<string, Value | undefined>;
  for (const key of Object.keys(record).sort()) {
    out += TAG_ARRAY + encodeValue(key) + encodeValue(record[key]) + TERMINATOR;
  }
  return out + TERMINATOR;
}

/** The key of a row in an index: its indexed values in order. */
export function encodeKey(values: readonly (Value | undefined)[]): string {
  let out = "";
  for (const value of values) out += encodeValue(value);
  return out;
}
