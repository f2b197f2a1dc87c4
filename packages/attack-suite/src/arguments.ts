// Arguments for any function, generated from its exported validator: one plausible set (real ids
// of the world, the tier, a real email) and hostile sets (injection strings, huge and negative
// numbers, ids of the wrong table, nothing at all). None of them contains a marker, so a marker in
// an answer can only come from stored data.
import type { ValidatorJson } from "./functions.js";

export type KnownIds = Record<string, string[]>;

export type ArgContext = {
  ids: KnownIds;
  tierKey: string;
  email: string;
};

const HOSTILE_STRINGS = [
  `' OR '1'='1' --<script>alert(1)</script>javascript:alert(1)`,
  // check-repo-refs: not a reference
  "../../../../etc/passwd%00",
  "x".repeat(20_000),
];

type Mode = { kind: "plausible" } | { kind: "hostile"; variant: number };

function anyKnownId(ids: KnownIds, except: string): string | undefined {
  for (const [table, values] of Object.entries(ids)) {
    if (table !== except && values[0] !== undefined) return values[0];
  }
  return undefined;
}

function plausibleString(field: string, ctx: ArgContext): string {
  const name = field.toLowerCase();
  if (name.includes("tier") || name === "key") return ctx.tierKey;
  if (name.includes("email") || name === "to") return ctx.email;
  if (name.includes("secret")) return "not-the-service-secret-0123456789";
  if (name.includes("url") || name.includes("uri")) return "https://example.com/attack";
  if (name.includes("cursor")) return "";
  if (name.includes("reason")) return "attack-suite matrix";
  if (name.endsWith("id") || name.includes("channel") || name.includes("guild")) {
    return "100000000000000777";
  }
  return "attack";
}

function generate(validator: ValidatorJson, field: string, ctx: ArgContext, mode: Mode): unknown {
  const hostile = mode.kind === "hostile" ? mode.variant : -1;
  switch (validator.type) {
    case "string":
      return hostile >= 0
        ? (HOSTILE_STRINGS[hostile % HOSTILE_STRINGS.length] ?? "")
        : plausibleString(field, ctx);
    case "number":
      if (hostile >= 0) return [-1, 1e15, 0.5][hostile % 3];
      return field.toLowerCase().includes("items") || field === "limit" ? 10 : Date.now();
    case "bigint":
      return hostile >= 0 ? -1n : 1n;
    case "boolean":
      return hostile < 0;
    case "null":
      return null;
    case "any":
      return hostile >= 0 ? { __proto__: { admin: true }, constructor: "x" } : {};
    case "bytes":
      return new ArrayBuffer(hostile >= 0 ? 1024 : 0);
    case "literal":
      return validator.value;
    case "id": {
      const own = ctx.ids[validator.tableName]?.[0];
      const wrong = anyKnownId(ctx.ids, validator.tableName);
      if (hostile >= 0) return wrong ?? own ?? "invalid-id";
      return own ?? wrong ?? "invalid-id";
    }
    case "array":
      return [generate(validator.value, field, ctx, mode)];
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [name, { fieldType }] of Object.entries(validator.value)) {
        out[name] = generate(fieldType, name, ctx, mode);
      }
      return out;
    }
    case "union": {
      // Plausible: the first non-null variant; hostile: walk the variants.
      const variants = validator.value;
      const pick =
        hostile >= 0
          ? variants[hostile % variants.length]
          : (variants.find((variant) => variant.type !== "null") ?? variants[0]);
      return pick === undefined ? null : generate(pick, field, ctx, mode);
    }
    case "record":
      return hostile >= 0
        ? { "../__proto__": generate(validator.values.fieldType, field, ctx, mode) }
        : {};
  }
}

/** The argument sets a function is called with: plausible first, then the hostile ones. */
export function argumentSets(validator: ValidatorJson | null, ctx: ArgContext): unknown[] {
  if (validator === null) return [{}, { unexpected: HOSTILE_STRINGS[0] }];
  const sets = [generate(validator, "", ctx, { kind: "plausible" })];
  for (let variant = 0; variant < 3; variant++) {
    sets.push(generate(validator, "", ctx, { kind: "hostile", variant }));
  }
  sets.push({});
  return sets;
}
