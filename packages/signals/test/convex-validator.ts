import { type GenericValidator } from "convex/values";

/**
 * Checks a value against a Convex validator by walking its public shape (kind, fields, members,
 * element, value, isOptional), the way the Convex backend validates documents. Returns one
 * message per problem; an undefined-valued key counts as a problem (we keep fields absent).
 */
export function validatorProblems(
  validator: GenericValidator,
  value: unknown,
  path = "$",
): string[] {
  switch (validator.kind) {
    case "string":
      return typeof value === "string" ? [] : [`${path}: expected string`];
    case "float64":
      return typeof value === "number" ? [] : [`${path}: expected number`];
    case "boolean":
      return typeof value === "boolean" ? [] : [`${path}: expected boolean`];
    case "literal":
      return value === validator.value ? [] : [`${path}: expected ${String(validator.value)}`];
    case "array":
      if (!Array.isArray(value)) return [`${path}: expected array`];
      return value.flatMap((item, i) =>
        validatorProblems(validator.element, item, `${path}[${i}]`),
      );
    case "union": {
      const fits = validator.members.some(
        (member) => validatorProblems(member, value, path).length === 0,
      );
      return fits ? [] : [`${path}: ${JSON.stringify(value)} matches no union member`];
    }
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return [`${path}: expected object`];
      }
      const record = value as Record<string, unknown>;
      const fields = validator.fields as Record<string, GenericValidator>;
      const problems = Object.keys(record)
        .filter((key) => !(key in fields))
        .map((key) => `${path}.${key}: not in the validator`);
      for (const [key, field] of Object.entries(fields)) {
        if (!(key in record)) {
          if (field.isOptional !== "optional") problems.push(`${path}.${key}: required`);
          continue;
        }
        if (record[key] === undefined) {
          problems.push(`${path}.${key}: undefined-valued key`);
          continue;
        }
        problems.push(...validatorProblems(field, record[key], `${path}.${key}`));
      }
      return problems;
    }
    default:
      return [`${path}: validator kind ${validator.kind} is not supported by this checker`];
  }
}
