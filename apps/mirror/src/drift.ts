/**
 * The drift checker: compares what the customer channel should show (one message per live source
 * signal) with what it shows. Pure: callers fetch both sides (the emulator's control API, Convex, a
 * real guild's history) and pass them in.
 *
 * Messages are identified by `keyOf(content)` — a token that survives edits (in the convergence
 * test every signal carries `[sig-N]`). Per key: none → missing; several → duplicate; one whose
 * content or file names differ → stale. Keys that should not exist → unexpected (a delete that
 * did not happen, or a foreign post).
 */

export type ExpectedMessage = { key: string; content: string; files?: readonly string[] };
export type ActualMessage = { id: string; content: string; files?: readonly string[] };

export type DriftReport = {
  ok: boolean;
  expected: number;
  actual: number;
  missing: ExpectedMessage[];
  duplicates: { key: string; ids: string[] }[];
  stale: { key: string; id: string; expected: string; actual: string }[];
  unexpected: ActualMessage[];
};

export type DriftOptions = {
  keyOf: (content: string) => string | undefined;
  /**
   * Keys an actual message by more than its content (e.g. by the message id a delivery recorded);
   * when given, it replaces `keyOf` for actual messages.
   */
  keyOfMessage?: (message: ActualMessage) => string | undefined;
  /** Normalises actual content before comparing (e.g. strip the mirror's summary footer). */
  normalize?: (content: string) => string;
};

export function checkDrift(
  expected: readonly ExpectedMessage[],
  actual: readonly ActualMessage[],
  options: DriftOptions,
): DriftReport {
  const normalize = options.normalize ?? ((content: string) => content);
  const byKey = new Map<string, ActualMessage[]>();
  const unexpected: ActualMessage[] = [];
  for (const message of actual) {
    const key =
      options.keyOfMessage === undefined
        ? options.keyOf(message.content)
        : options.keyOfMessage(message);
    if (key === undefined) {
      unexpected.push(message);
      continue;
    }
    byKey.set(key, [...(byKey.get(key) ?? []), message]);
  }
  const missing: ExpectedMessage[] = [];
  const duplicates: DriftReport["duplicates"] = [];
  const stale: DriftReport["stale"] = [];
  const expectedKeys = new Set<string>();
  for (const want of expected) {
    expectedKeys.add(want.key);
    const found = byKey.get(want.key) ?? [];
    if (found.length === 0) {
      missing.push(want);
      continue;
    }
    if (found.length > 1)
      duplicates.push({ key: want.key, ids: found.map((message) => message.id) });
    const first = found[0];
    if (first === undefined) continue;
    const content = normalize(first.content);
    if (content !== want.content || !sameFiles(want.files, first.files)) {
      stale.push({ key: want.key, id: first.id, expected: want.content, actual: content });
    }
  }
  for (const [key, messages] of byKey) {
    if (!expectedKeys.has(key)) unexpected.push(...messages);
  }
  return {
    ok: missing.length + duplicates.length + stale.length + unexpected.length === 0,
    expected: expected.length,
    actual: actual.length,
    missing,
    duplicates,
    stale,
    unexpected,
  };
}

/** A one-paragraph summary for logs and test failures. */
export function describeDrift(report: DriftReport): string {
  if (report.ok) return `no drift (${report.expected} messages)`;
  const sample = <T>(items: T[]) => JSON.stringify(items.slice(0, 3));
  return [
    `drift: expected ${report.expected}, actual ${report.actual}`,
    `missing ${report.missing.length} ${sample(report.missing.map((m) => m.key))}`,
    `duplicates ${report.duplicates.length} ${sample(report.duplicates)}`,
    `stale ${report.stale.length} ${sample(report.stale)}`,
    `unexpected ${report.unexpected.length} ${sample(report.unexpected.map((m) => m.id))}`,
  ].join("; ");
}

function sameFiles(
  want: readonly string[] | undefined,
  have: readonly string[] | undefined,
): boolean {
  const a = [...(want ?? [])].sort();
  const b = [...(have ?? [])].sort();
  return a.length === b.length && a.every((name, i) => name === b[i]);
}
