// Shares query re-runs between subscribers. Subscribers of the same query, arguments and journal
// get one evaluation: per caller when the run read the caller's identity, and across callers when
// it did not (as Convex's query cache keys results by identity only for functions that observed
// it). A result stays valid across later commits that do not touch its read set — Convex's rule
// for serving a cached query at a newer timestamp — so a fan-out that a bot's unrelated commit
// interrupts does not run the same query again for the sockets after the interruption.
import { type Engine } from "../engine/engine.js";
import { type DocumentChange } from "../storage/documentStore.js";
import { evaluationKey } from "./flushOrder.js";
import { type Evaluation, type Subscription, evaluate } from "./querySubscription.js";
import { type Session } from "./session.js";

export class EvaluationMemo {
  private readonly byKey = new Map<string, Promise<Evaluation>>();
  /** Finished evaluations by key, to test against a commit's changes without awaiting. */
  private readonly settled = new Map<string, Evaluation>();

  /** Forgets every result (the functions or the auth config were reloaded). */
  clear(): void {
    this.byKey.clear();
    this.settled.clear();
  }

  /**
   * Called for every commit while the memo is in use: forgets the results the commit could have
   * changed (its changes touch their read sets) and any still being computed; the rest remain
   * what a re-run at the new snapshot would return.
   */
  forget(changes: readonly DocumentChange[]): void {
    for (const key of this.byKey.keys()) {
      const evaluation = this.settled.get(key);
      if (evaluation === undefined || evaluation.readSet.touchedBy(changes)) {
        this.byKey.delete(key);
        this.settled.delete(key);
      }
    }
  }

  /** A result this session may reuse for `sub`, or undefined when it must run its own. */
  async lookup(session: Session, sub: Subscription): Promise<Evaluation | undefined> {
    const anyCaller = this.byKey.get(evaluationKey(session, sub, true));
    if (anyCaller !== undefined) {
      const evaluation = await anyCaller;
      if (!evaluation.readSet.identityObserved) return evaluation;
    }
    const own = this.byKey.get(evaluationKey(session, sub, false));
    return own === undefined ? undefined : await own;
  }

  /** Evaluates `sub` for this session and offers the result to later subscribers. */
  async run(session: Session, sub: Subscription, engine: Engine): Promise<Evaluation> {
    const evaluation = evaluate(engine, session.caller, sub);
    const keys = [evaluationKey(session, sub, false)];
    const shared = evaluationKey(session, sub, true);
    if (!this.byKey.has(shared)) keys.push(shared);
    for (const key of keys) this.byKey.set(key, evaluation);
    const result = await evaluation;
    // Only if still current: a commit meanwhile (which forget() saw) may have dropped the entry.
    for (const key of keys) if (this.byKey.get(key) === evaluation) this.settled.set(key, result);
    return result;
  }
}
