import { describe, expect, test } from "vitest";
import type { WebSocket } from "ws";
import { Session } from "../src/sync/session.js";
import { flushOrder } from "../src/sync/flushOrder.js";
import { type Subscription } from "../src/sync/querySubscription.js";
import { ReadSet } from "../src/storage/readSet.js";

const socket = {} as WebSocket;

function session(id: number, needsTransition: boolean, costs: number[]): Session {
  const s = new Session(socket, id);
  s.needsTransition = needsTransition;
  for (const ms of costs) s.recordFlushCost(ms);
  return s;
}

describe("flushOrder", () => {
  test("sockets awaiting their mutation's Transition first, then cheapest first, stable", () => {
    const dashboardA = session(1, false, [40]);
    const dashboardB = session(2, false, [40]);
    const bot = session(3, false, [2]);
    const writer = session(4, true, [5]);
    const fresh = session(5, false, []);
    expect(flushOrder([dashboardA, dashboardB, bot, writer, fresh]).map((s) => s.id)).toEqual([
      4, 5, 3, 1, 2,
    ]);
  });

  test("the last flush cost counts: a socket that was slow during a burst is cheap again at once", () => {
    const bot = session(1, false, [2, 120]);
    const dashboard = session(2, false, [10]);
    expect(flushOrder([bot, dashboard]).map((s) => s.id)).toEqual([2, 1]);
    bot.recordFlushCost(3);
    expect(bot.flushCostMs).toBe(3);
    expect(flushOrder([bot, dashboard]).map((s) => s.id)).toEqual([1, 2]);
  });

  test("sockets sharing one evaluation are one job: a bot goes before a feed's large fan-out", () => {
    const feed = { udfPath: "feed:live", args: { pass: "p" } };
    const dashboards = [10, 11, 12].map((id) => staleSession(id, feed, false, 1));
    const bot = staleSession(20, { udfPath: "mirror:work", args: {} }, false, 2);
    // The three dashboards cost 3 ms together: the bot's 2 ms job goes first.
    expect(flushOrder([...dashboards, bot]).map((s) => s.id)).toEqual([20, 10, 11, 12]);
    // One dashboard alone is the cheaper job.
    expect(flushOrder([dashboards[0] as Session, bot]).map((s) => s.id)).toEqual([10, 20]);
  });

  test("a query that read the identity is a job per caller", () => {
    const feed = { udfPath: "feed:list", args: {} };
    const a = staleSession(1, feed, true, 1, "user-a");
    const b = staleSession(2, feed, true, 1, "user-b");
    const bot = staleSession(3, { udfPath: "mirror:work", args: {} }, false, 1.5);
    expect(flushOrder([a, b, bot]).map((s) => s.id)).toEqual([1, 2, 3]);
  });
});

function staleSession(
  id: number,
  query: { udfPath: string; args: Record<string, string> },
  identityObserved: boolean,
  costMs: number,
  subject = "user",
): Session {
  const s = session(id, false, [costMs]);
  s.identity = { subject, issuer: "https://issuer.test", tokenIdentifier: `x|${subject}` };
  const readSet = new ReadSet();
  readSet.identityObserved = identityObserved;
  const sub: Subscription = {
    queryId: 0,
    udfPath: query.udfPath,
    args: query.args,
    argsKey: JSON.stringify(query.args),
    journal: null,
    readSet,
    lastSent: null,
  };
  s.subscriptions.set(0, sub);
  s.staleSubs.add(sub);
  return s;
}
