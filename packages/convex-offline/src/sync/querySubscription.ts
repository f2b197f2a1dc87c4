// One subscribed query of a socket and how to (re-)evaluate it into a modification.
import { type JSONValue } from "convex/values";
import { z } from "zod";
import { type Caller, callFunction } from "../engine/calls.js";
import { type Engine } from "../engine/engine.js";
import { ReadSet } from "../storage/readSet.js";
import { type ModificationJson, type StateModification } from "./protocol.js";

export type Subscription = {
  readonly queryId: number;
  readonly udfPath: string;
  readonly args: JSONValue;
  /** The arguments serialized once, for memo and grouping keys. */
  readonly argsKey: string;
  journal: string | null;
  readSet: ReadSet | null;
  /** Serialized last result sent, to skip unchanged re-runs. */
  lastSent: string | null;
};

export type Evaluation = {
  readonly readSet: ReadSet;
  readonly ok: boolean;
  readonly value: JSONValue;
  readonly errorMessage: string;
  readonly errorData: JSONValue | null;
  readonly journal: string | null;
  readonly logLines: string[];
  /** The result as compared between runs (computed once, shared by every subscriber). */
  readonly fingerprint: string;
  /** JSON of the value, serialized once for every subscriber's Transition. */
  readonly valueJson: string;
};

const journalSchema = z.object({ endCursor: z.string().nullable() });

function parseJournal(journal: string | null): string | null {
  if (journal === null) return null;
  try {
    return journalSchema.parse(JSON.parse(journal)).endCursor;
  } catch {
    return null;
  }
}

export async function evaluate(
  engine: Engine,
  caller: Caller,
  sub: Subscription,
): Promise<Evaluation> {
  const readSet = new ReadSet();
  readSet.journalEndCursor = parseJournal(sub.journal);
  const outcome = await callFunction(engine, caller, sub.udfPath, sub.args, "query", { readSet });
  const journal =
    readSet.capturedCursor !== null
      ? JSON.stringify({ endCursor: readSet.capturedCursor })
      : sub.journal;
  if (outcome.ok) {
    const valueJson = JSON.stringify(outcome.value);
    return {
      readSet,
      ok: true,
      value: outcome.value,
      errorMessage: "",
      errorData: null,
      journal,
      logLines: outcome.logLines,
      fingerprint: `ok:${valueJson}`,
      valueJson,
    };
  }
  return {
    readSet,
    ok: false,
    value: null,
    errorMessage: outcome.message,
    errorData: outcome.errorData ?? null,
    journal,
    logLines: outcome.logLines,
    // Not the message itself: each run's request ID differs, the error may not.
    fingerprint: `err:${outcome.sameErrorKey}`,
    valueJson: "null",
  };
}

/**
 * Applies an evaluation; returns the modification to send (serialized), or null when the
 * result did not change. The value's JSON is shared: 500 subscribers don't stringify it 500 times.
 */
export function modificationFor(
  sub: Subscription,
  evaluation: Evaluation,
): ModificationJson | null {
  sub.readSet = evaluation.readSet;
  sub.journal = evaluation.journal;
  if (evaluation.fingerprint === sub.lastSent) return null;
  sub.lastSent = evaluation.fingerprint;
  const tail = `,"logLines":${JSON.stringify(evaluation.logLines)},"journal":${JSON.stringify(evaluation.journal)}}`;
  if (evaluation.ok) {
    return `{"type":"QueryUpdated","queryId":${sub.queryId},"value":${evaluation.valueJson}${tail}`;
  }
  const failed: StateModification = {
    type: "QueryFailed",
    queryId: sub.queryId,
    errorMessage: evaluation.errorMessage,
    logLines: evaluation.logLines,
    errorData: evaluation.errorData,
    journal: evaluation.journal,
  };
  return JSON.stringify(failed);
}
