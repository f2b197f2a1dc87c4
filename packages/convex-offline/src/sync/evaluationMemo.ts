// Shares query re-runs between subscribers within one snapshot. Subscribers of the same query,
// arguments and journal get one evaluation: per caller when the run read the caller's identity,
// and across callers when it did not (as Convex's query cache keys results by identity only
// for functions that observed it).
import { type Engine } from "../engine/engine.js";
import { evaluationKey } from "./flushOrder.js";
import { type Evaluation, type Subscription, evaluate } from "./querySubscription.js";
import { type Session } from "./session.js";

export class EvaluationMemo {
  private readonly byKey = new Map<string, Promise<Evaluation>>();

  /** Forgets every result: they are only valid at the snapshot they were computed at. */
  clear(): void {
    this.byKey.clear();
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
    this.byKey.set(evaluationKey(session, sub, false), evaluation);
    const shared = evaluationKey(session, sub, true);
    if (!this.byKey.has(shared)) this.byKey.set(shared, evaluation);
    return evaluation;
  }
}
