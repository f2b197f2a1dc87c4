// `validationError` answers the common case (the value matches) without building Convex's error
// message; the message is built only on a mismatch. This checks, over many random validators
// and values, that the fast answer and the message-building path always agree.
import { type Value } from "convex/values";
import { describe, expect, it } from "vitest";
import {
  type ValidatorJson,
  explainMismatch,
  matches,
  validationError,
} from "../src/engine/validation.js";

/** A small seeded generator (mulberry32), so a failure names the seed that reproduces it. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}
type Random = ReturnType<typeof generator>;

const FIELD_NAMES = ["a", "b", "c", "constructor", "toString"] as const;
const TABLES = ["signals", "users"] as const;
const tableOfId = (id: string) =>
  id.startsWith("id-signals") ? "signals" : id.startsWith("id-users") ? "users" : null;

function randomValidator(random: Random, depth: number): ValidatorJson {
  const leaves: ValidatorJson[] = [
    { type: "null" },
    { type: "number" },
    { type: "bigint" },
    { type: "boolean" },
    { type: "string" },
    { type: "bytes" },
    { type: "any" },
    { type: "literal", value: random.pick(["x", "y", 1, true]) },
    { type: "id", tableName: random.pick(TABLES) },
  ];
  if (depth <= 0 || random.next() < 0.4) return random.pick(leaves);
  switch (random.int(4)) {
    case 0:
      return { type: "array", value: randomValidator(random, depth - 1) };
    case 1:
      return {
        type: "record",
        keys: { type: "string" },
        values: { fieldType: randomValidator(random, depth - 1), optional: false },
      };
    case 2: {
      const value: Record<string, { fieldType: ValidatorJson; optional: boolean }> = {};
      for (const name of FIELD_NAMES.slice(0, 1 + random.int(3))) {
        value[name] = {
          fieldType: randomValidator(random, depth - 1),
          optional: random.next() < 0.3,
        };
      }
      return { type: "object", value };
    }
    default:
      return {
        type: "union",
        value: Array.from({ length: 1 + random.int(3) }, () => randomValidator(random, depth - 1)),
      };
  }
}

/** A value that often fits the validator and often differs from it in one place. */
function randomValue(random: Random, validator: ValidatorJson, depth: number): Value | undefined {
  if (random.next() < 0.12 || depth < 0) {
    return random.pick<Value | undefined>([null, 1, 2n, "x", true, undefined, [], {}]);
  }
  switch (validator.type) {
    case "null":
      return null;
    case "number":
      return random.next();
    case "bigint":
    case "commitTs":
      return BigInt(random.int(100));
    case "boolean":
      return random.next() < 0.5;
    case "string":
      return random.pick(["x", "y", ""]);
    case "bytes":
      return new ArrayBuffer(2);
    case "any":
      return random.pick<Value>(["x", 1, null, { z: 1 }]);
    case "literal":
      return random.pick<Value>(["x", "y", 1, true]);
    case "id":
      return `id-${random.pick([...TABLES, "other"])}-1`;
    case "array":
      return Array.from({ length: random.int(3) }, () =>
        randomValue(random, validator.value, depth - 1),
      ) as Value;
    case "record": {
      const out: Record<string, Value | undefined> = {};
      const values =
        "fieldType" in validator.values ? validator.values.fieldType : validator.values;
      for (let i = random.int(3); i > 0; i--) out[`k${i}`] = randomValue(random, values, depth - 1);
      return out;
    }
    case "object": {
      const out: Record<string, Value | undefined> = {};
      for (const [name, field] of Object.entries(validator.value)) {
        if (field.optional && random.next() < 0.4) continue;
        out[name] = randomValue(random, field.fieldType, depth - 1);
      }
      if (random.next() < 0.15) out[random.pick(["extra", ...FIELD_NAMES])] = 1;
      return out;
    }
    case "union":
      return randomValue(random, random.pick(validator.value), depth);
  }
}

describe("validation fast path", () => {
  it("agrees with the message-building path on 20,000 random validator/value pairs", () => {
    let matched = 0;
    for (let seed = 1; seed <= 20_000; seed++) {
      const random = generator(seed);
      const validator = randomValidator(random, 3);
      const value = randomValue(random, validator, 3);
      const fast = matches(validator, value, tableOfId);
      const explained = explainMismatch(validator, value, tableOfId);
      if (fast !== (explained === null)) {
        expect.fail(
          `seed ${seed}: fast path says ${fast}, message path says ${String(explained)} for ` +
            `${JSON.stringify(validator)}`,
        );
      }
      if (fast) matched += 1;
    }
    // Both outcomes are exercised, not only one.
    expect(matched).toBeGreaterThan(4_000);
    expect(matched).toBeLessThan(16_000);
  });

  it("still gives Convex's message on a mismatch", () => {
    const validator: ValidatorJson = {
      type: "object",
      value: { author: { fieldType: { type: "string" }, optional: false } },
    };
    expect(validationError(validator, { author: "a" }, tableOfId)).toBeNull();
    expect(validationError(validator, {}, tableOfId)).toMatch(
      /^Object is missing the required field `author`/,
    );
  });
});
