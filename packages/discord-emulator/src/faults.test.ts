import { describe, expect, it } from "vitest";
import { FaultRegistry } from "./faults.js";

describe("FaultRegistry", () => {
  it("matches method, route and bot, and expires after `count` uses", () => {
    const faults = new FaultRegistry();
    faults.addRest({
      kind: "status",
      status: 503,
      method: "post",
      route: "/channels/:c/messages",
      botId: "1",
      count: 2,
    });
    expect(faults.takeRest("GET", "/channels/5/messages", "1")).toBeNull();
    expect(faults.takeRest("POST", "/channels/5/messages", "2")).toBeNull();
    expect(faults.takeRest("POST", "/channels/5/messages", "1")?.status).toBe(503);
    expect(faults.takeRest("POST", "/channels/5/messages", "1")?.hits).toBe(2);
    expect(faults.takeRest("POST", "/channels/5/messages", "1")).toBeNull();
    expect(faults.list().rest).toHaveLength(0);
  });

  it("applies probability with the injected random source and keeps unlimited faults until cleared", () => {
    const rolls = [0.9, 0.1, 0.6, 0.2];
    const faults = new FaultRegistry(() => rolls.shift() ?? 1);
    const fault = faults.addRest({ kind: "delay", delayMs: 5, probability: 0.5 });
    const hits = [0, 1, 2, 3].map(() => faults.takeRest("GET", "/users/@me", null) !== null);
    expect(hits).toEqual([false, true, false, true]);
    expect(faults.remove(fault.id)).toBe(true);
    faults.addGateway({ kind: "stop_acks", botId: "7" });
    expect(faults.takeStopAck("8")).toBe(false);
    expect(faults.takeStopAck("7")).toBe(true);
    expect(faults.takeStopAck("7")).toBe(true);
    faults.clear();
    expect(faults.takeStopAck("7")).toBe(false);
  });

  it("ends a fault with durationMs on its own, REST and gateway alike", () => {
    let now = 1_000;
    const faults = new FaultRegistry(Math.random, () => now);
    const outage = faults.addRest({ kind: "status", status: 503, durationMs: 500 });
    faults.addGateway({ kind: "stop_acks", durationMs: 200 });
    expect(outage.expiresAt).toBe(1_500);
    expect(faults.takeRest("GET", "/users/@me", null)?.status).toBe(503);
    expect(faults.takeStopAck("7")).toBe(true);
    now = 1_200;
    expect(faults.takeStopAck("7")).toBe(false);
    expect(faults.takeRest("GET", "/users/@me", null)?.hits).toBe(2);
    now = 1_500;
    expect(faults.takeRest("GET", "/users/@me", null)).toBeNull();
    expect(faults.list()).toEqual({ rest: [], gateway: [] });
  });

  it("rejects unknown fields", () => {
    expect(() =>
      new FaultRegistry().addRest({ kind: "status", statusCode: 500 } as never),
    ).toThrow();
  });
});
