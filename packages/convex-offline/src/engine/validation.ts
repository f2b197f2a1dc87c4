// Convex's validation errors, text for text (convex-backend crates/common/src/schemas/
// validator.rs: `ValidationError` and the `Display` of validators and values), for the
// validator JSON that `exportArgs()` / `exportReturns()` / table `export()` produce.
import { type JSONValue, type Value, jsonToConvex } from "convex/values";

export type ValidatorJson =
  | { type: "null" | "number" | "bigint" | "boolean" | "string" | "bytes" | "any" | "commitTs" }
  | { type: "literal"; value: JSONValue }
  | { type: "id"; tableName: string }
  | { type: "array"; value: ValidatorJson }
  | { type: "record"; keys: ValidatorJson; values: FieldJson | ValidatorJson }
  | { type: "object"; value: Record<string, FieldJson> }
  | { type: "union"; value: ValidatorJson[] };
type FieldJson = { fieldType: ValidatorJson; optional: boolean };

/** Table of an ID, or null when the string is not an ID of this deployment. */
export type TableOfId = (id: string) => string | null;

/** Rust's `{:?}` of an f64: integral values keep a ".0", infinities are "inf". */
function displayFloat(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Infinity) return "inf";
  if (n === -Infinity) return "-inf";
  if (Object.is(n, -0)) return "-0.0";
  const text = String(n);
  return /^-?\d+$/.test(text) ? `${text}.0` : text.replace("e+", "e");
}

function sortedKeys(object: object): string[] {
  return Object.keys(object).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A Convex value as the backend prints it (objects with sorted keys, `key: value`). */
export function displayValue(value: Value | undefined): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return displayFloat(value);
  if (typeof value === "boolean") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof ArrayBuffer)
    return `b${JSON.stringify(Buffer.from(value).toString("base64"))}`;
  if (Array.isArray(value)) return `[${value.map((item) => displayValue(item)).join(", ")}]`;
  const object = value as Record<string, Value | undefined>;
  const fields = sortedKeys(object)
    .filter((key) => object[key] !== undefined)
    .map((key) => `${key}: ${displayValue(object[key])}`);
  return `{${fields.join(", ")}}`;
}

function literalValue(json: JSONValue): Value {
  return typeof json === "object" && json !== null ? jsonToConvex(json) : json;
}

function displayLiteral(json: JSONValue): string {
  const value = literalValue(json);
  if (typeof value === "bigint") return "<bigint>";
  if (typeof value === "number" && !Number.isFinite(value)) return "<number>";
  return JSON.stringify(value);
}

function fieldValidator(field: FieldJson | ValidatorJson): ValidatorJson {
  return "fieldType" in field ? field.fieldType : field;
}

/** A validator as the backend prints it: `v.object({a: v.string(), b: v.optional(v.id("t"))})`. */
export function displayValidator(validator: ValidatorJson): string {
  switch (validator.type) {
    case "null":
    case "boolean":
    case "string":
    case "bytes":
    case "any":
    case "commitTs":
      return `v.${validator.type}()`;
    case "number":
      return "v.float64()";
    case "bigint":
      return "v.int64()";
    case "literal":
      return `v.literal(${displayLiteral(validator.value)})`;
    case "id":
      return `v.id(${JSON.stringify(validator.tableName)})`;
    case "array":
      return `v.array(${displayValidator(validator.value)})`;
    case "record":
      return `v.record(${displayValidator(validator.keys)}, ${displayValidator(fieldValidator(validator.values))})`;
    case "object": {
      const fields = sortedKeys(validator.value).map((key) => {
        const field = validator.value[key] as FieldJson;
        const shown = displayValidator(field.fieldType);
        return `${key}: ${field.optional ? `v.optional(${shown})` : shown}`;
      });
      return `v.object({${fields.join(", ")}})`;
    }
    case "union":
      return `v.union(${validator.value.map(displayValidator).join(", ")})`;
  }
}

type Failure = { readonly message: (context: string) => string; readonly path: string[] };

function failure(message: (context: string) => string): Failure {
  return { message, path: [] };
}

function isPlainObject(value: unknown): value is Record<string, Value | undefined> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function noMatch(value: Value | undefined, validator: ValidatorJson): Failure {
  return failure(
    (context) =>
      `Value does not match validator.\n${context}\nValue: ${displayValue(value)}\nValidator: ${displayValidator(validator)}`,
  );
}

function check(
  validator: ValidatorJson,
  value: Value | undefined,
  tableOfId: TableOfId,
): Failure | null {
  const within = (inner: Failure | null, step: string): Failure | null => {
    inner?.path.push(step);
    return inner;
  };
  switch (validator.type) {
    case "any":
      return null;
    case "null":
      return value === null ? null : noMatch(value, validator);
    case "number":
      return typeof value === "number" ? null : noMatch(value, validator);
    case "bigint":
    case "commitTs":
      return typeof value === "bigint" ? null : noMatch(value, validator);
    case "boolean":
      return typeof value === "boolean" ? null : noMatch(value, validator);
    case "string":
      return typeof value === "string" ? null : noMatch(value, validator);
    case "bytes":
      return value instanceof ArrayBuffer ? null : noMatch(value, validator);
    case "literal": {
      const expected = literalValue(validator.value);
      if (value === expected) return null;
      return failure(
        (context) =>
          `\`${displayValue(value)}\` does not match literal validator \`v.literal(${displayLiteral(validator.value)})\`.${context}`,
      );
    }
    case "id": {
      if (typeof value !== "string") return noMatch(value, validator);
      const table = tableOfId(value);
      if (table === null) return noMatch(value, validator);
      if (table === validator.tableName) return null;
      const shown = `v.id(${JSON.stringify(validator.tableName)})`;
      return failure((context) =>
        table.startsWith("_")
          ? `Found ID "${value}" from a system table, which does not match the table name in validator \`${shown}\`.${context}`
          : `Found ID "${value}" from table \`${table}\`, which does not match the table name in validator \`${shown}\`.${context}`,
      );
    }
    case "array": {
      if (!Array.isArray(value)) return noMatch(value, validator);
      for (const [index, item] of value.entries()) {
        const inner = within(check(validator.value, item, tableOfId), `[${index}]`);
        if (inner !== null) return inner;
      }
      return null;
    }
    case "record": {
      if (!isPlainObject(value)) return noMatch(value, validator);
      for (const [key, item] of Object.entries(value)) {
        if (item === undefined) continue;
        const keyFailure = within(check(validator.keys, key, tableOfId), ".keys()");
        if (keyFailure !== null) return keyFailure;
        const itemFailure = within(
          check(fieldValidator(validator.values), item, tableOfId),
          ".values()",
        );
        if (itemFailure !== null) return itemFailure;
      }
      return null;
    }
    case "object": {
      if (!isPlainObject(value)) return noMatch(value, validator);
      const shown = (context: string) =>
        `${context}\nObject: ${displayValue(value)}\nValidator: ${displayValidator(validator)}`;
      for (const key of sortedKeys(validator.value)) {
        const field = validator.value[key] as FieldJson;
        if (value[key] !== undefined) {
          const inner = within(check(field.fieldType, value[key], tableOfId), `.${key}`);
          if (inner !== null) return inner;
        } else if (!field.optional) {
          return failure(
            (context) =>
              `Object is missing the required field \`${key}\`. Consider wrapping the field validator in \`v.optional(...)\` if this is expected.\n${shown(context)}`,
          );
        }
      }
      for (const key of sortedKeys(value)) {
        if (value[key] !== undefined && !(key in validator.value)) {
          return failure(
            (context) =>
              `Object contains extra field \`${key}\` that is not in the validator.\n${shown(context)}`,
          );
        }
      }
      return null;
    }
    case "union": {
      if (validator.value.length === 1 && validator.value[0] !== undefined) {
        return check(validator.value[0], value, tableOfId);
      }
      const matches = validator.value.some((member) => check(member, value, tableOfId) === null);
      return matches ? null : noMatch(value, validator);
    }
  }
}

/**
 * Whether the value matches: exactly `check(…) === null`, without building failures. Every
 * argument, result and written document is validated, so the common case must not allocate.
 */
export function matches(
  validator: ValidatorJson,
  value: Value | undefined,
  tableOfId: TableOfId,
): boolean {
  switch (validator.type) {
    case "any":
      return true;
    case "null":
      return value === null;
    case "number":
      return typeof value === "number";
    case "bigint":
    case "commitTs":
      return typeof value === "bigint";
    case "boolean":
      return typeof value === "boolean";
    case "string":
      return typeof value === "string";
    case "bytes":
      return value instanceof ArrayBuffer;
    case "literal":
      return value === literalValue(validator.value);
    case "id":
      return typeof value === "string" && tableOfId(value) === validator.tableName;
    case "array": {
      if (!Array.isArray(value)) return false;
      for (const item of value) if (!matches(validator.value, item, tableOfId)) return false;
      return true;
    }
    case "record": {
      if (!isPlainObject(value)) return false;
      const values = fieldValidator(validator.values);
      for (const [key, item] of Object.entries(value)) {
        if (item === undefined) continue;
        if (!matches(validator.keys, key, tableOfId)) return false;
        if (!matches(values, item, tableOfId)) return false;
      }
      return true;
    }
    case "object": {
      if (!isPlainObject(value)) return false;
      const fields = validator.value;
      for (const key of Object.keys(fields)) {
        const field = fields[key] as FieldJson;
        const item = value[key];
        if (item !== undefined) {
          if (!matches(field.fieldType, item, tableOfId)) return false;
        } else if (!field.optional) {
          return false;
        }
      }
      for (const key of Object.keys(value)) {
        if (value[key] !== undefined && !(key in fields)) return false;
      }
      return true;
    }
    case "union":
      return validator.value.some((member) => matches(member, value, tableOfId));
  }
}

/** Convex's message for a value the validator rejects, or null when it matches. */
export function validationError(
  validator: ValidatorJson,
  value: Value | undefined,
  tableOfId: TableOfId,
): string | null {
  return matches(validator, value, tableOfId) ? null : explainMismatch(validator, value, tableOfId);
}

/** The slow path of `validationError`: Convex's message, or null when the value matches. */
export function explainMismatch(
  validator: ValidatorJson,
  value: Value | undefined,
  tableOfId: TableOfId,
): string | null {
  const found = check(validator, value, tableOfId);
  if (found === null) return null;
  const context = found.path.length === 0 ? "" : `Path: ${[...found.path].reverse().join("")}`;
  return found.message(context);
}
