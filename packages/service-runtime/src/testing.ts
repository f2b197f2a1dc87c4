import type { DestinationStream, Logger } from "pino";
import { REDACT_DEPTH, SECRET_FIELD_NAMES } from "./redaction";

/**
 * For each service's own test: logs every secret field at every covered depth (in a logged object
 * and in a child logger's bindings) through the service's logger, and returns what leaked.
 */

/** A value no test output contains unless a secret leaked. */
function planted(name: string, depth: number): string {
  return `planted-secret-${name}-${depth}`;
}

function nest(depth: number, leaf: Record<string, string>): Record<string, unknown> {
  let value: Record<string, unknown> = leaf;
  for (let level = depth; level > 0; level--) value = { [`level${level}`]: value };
  return value;
}

/** A destination that keeps every line. */
export function captureLines(): { destination: DestinationStream; lines: string[] } {
  const lines: string[] = [];
  return { destination: { write: (line: string) => void lines.push(line) }, lines };
}

/** Logs every probe through `logger`; returns the planted values that appear in `lines`. */
export function leakedSecrets(logger: Logger, lines: readonly string[]): string[] {
  const values: string[] = [];
  for (const name of SECRET_FIELD_NAMES) {
    for (let depth = 0; depth <= REDACT_DEPTH; depth++) {
      const value = planted(name, depth);
      values.push(value);
      logger.info(nest(depth, { [name]: value }), "probe");
    }
    const bound = planted(name, -1);
    values.push(bound);
    logger.child({ [name]: bound }).info("probe in a child logger");
  }
  const output = lines.join("");
  return values.filter((value) => output.includes(value));
}
