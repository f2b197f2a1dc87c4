import { describe, expect, test } from "vitest";
import type { WebSocket } from "ws";
import { Session } from "../src/sync/session.js";
import { flushOrder } from "../src/sync/syncHub.js";

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
});
