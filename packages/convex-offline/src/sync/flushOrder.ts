// The order in which a flush serves sockets (see SyncHub.flush).
import { type Subscription } from "./querySubscription.js";
import { type Session } from "./session.js";

/**
 * Sockets awaiting their own mutation's Transition go first (writers learn their commit is
 * visible), cheapest first. The rest are served as jobs: the sockets whose stale queries share
 * one evaluation form one job — its re-run plus its fan-out — and the cheapest job (by the
 * members' last flush costs) goes first. A bot's small work query is then not stuck behind the
 * fan-out of a feed that hundreds of dashboards share, while one feed re-run still serves all
 * of its subscribers back to back. Ties keep arrival order.
 */
export function flushOrder(sessions: readonly Session[]): Session[] {
  const awaiting = sessions
    .filter((session) => session.needsTransition)
    .sort((a, b) => a.flushCostMs - b.flushCostMs);
  const jobs = new Map<string, { members: Session[]; cost: number; first: number }>();
  sessions.forEach((session, index) => {
    if (session.needsTransition) return;
    const key = jobKey(session);
    let job = jobs.get(key);
    if (job === undefined) {
      job = { members: [], cost: 0, first: index };
      jobs.set(key, job);
    }
    job.members.push(session);
    job.cost += session.flushCostMs;
  });
  const ordered = [...jobs.values()].sort((a, b) => a.cost - b.cost || a.first - b.first);
  return [...awaiting, ...ordered.flatMap((job) => job.members)];
}

/** What a socket's stale work shares with others: the evaluation keys of its stale queries. */
function jobKey(session: Session): string {
  if (session.staleSubs.size === 0) return `socket:${session.id}`;
  return [...session.staleSubs]
    .map((sub) => evaluationKey(session, sub, sub.readSet?.identityObserved === false))
    .sort()
    .join("\n");
}

/**
 * The key under which an evaluation of `sub` can be shared: by every caller (`acrossCallers`,
 * for a query that does not read the identity) or by this caller only. Admin callers may run
 * internal functions, so they never share with others.
 */
export function evaluationKey(session: Session, sub: Subscription, acrossCallers: boolean): string {
  const caller = acrossCallers ? (session.isAdmin ? "admin" : "any") : session.callerKey;
  // Asked for several times per socket in every flush: the same string object each time (built
  // once per caller and journal), so maps hash it once rather than rebuilding a long key.
  let cached = keyCache.get(sub);
  if (cached === undefined || cached.journal !== sub.journal) {
    cached = { journal: sub.journal, byCaller: new Map() };
    keyCache.set(sub, cached);
  }
  let key = cached.byCaller.get(caller);
  if (key === undefined) {
    key = `${caller}\n${sub.udfPath}\n${sub.argsKey}\n${sub.journal ?? ""}`;
    if (cached.byCaller.size >= 4) cached.byCaller.clear(); // identities come and go on a socket
    cached.byCaller.set(caller, key);
  }
  return key;
}

const keyCache = new WeakMap<
  Subscription,
  { readonly journal: string | null; readonly byCaller: Map<string, string> }
>();
