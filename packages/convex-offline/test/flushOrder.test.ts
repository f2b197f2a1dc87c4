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

  test("flush cost is smoothed, so one slow flush does not reorder a cheap socket for long", () => {
    const s = session(1, false, [2]);
    expect(s.flushCostMs).toBe(2);
    s.recordFlushCost(102);
    expect(s.flushCostMs).toBeCloseTo(32);
    s.recordFlushCost(2);
    expect(s.flushCostMs).toBeCloseTo(23);
  });
});
