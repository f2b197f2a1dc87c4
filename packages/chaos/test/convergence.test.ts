import { describe, expect, it } from "vitest";
import {
  SCOPE_LEAD_MS,
  acceptedVersions,
  convergenceStats,
  hitLanded,
  pinWindow,
  scopeOf,
  waitingOn,
  type BotObservation,
  type Observation,
  type Scope,
  type SourceModel,
} from "../src/convergence.js";
import type { FaultRecord } from "../src/faults.js";
import type { CustomerMessage, StoredSignalView } from "../src/invariants.js";

const T = 1_000_000; // a fault's start, epoch ms

const bot = (name: string, over: Partial<BotObservation> = {}): BotObservation => ({
  name,
  kind: name.startsWith("collector") ? "collector" : "mirror",
  running: true,
  healthy: true,
  ...over,
});

/** An observation where everything is healthy and nothing is in the channels. */
function observation(over: Partial<Observation> = {}): Observation {
  return {
    startedAt: T + 20_000,
    at: T + 20_300,
    bots: [bot("collector-1"), bot("collector-2"), bot("mirror-1"), bot("mirror-2")],
    sessions: { collector: 2, mirror: 2 },
    sessionStarts: { collector: [], mirror: [] },
    signals: new Map(),
    customerByTag: new Map(),
    customerIds: new Set(),
    unsettledDeliveries: new Set(),
    hits: new Map(),
    openHangs: new Map(),
    lastSuccess: new Map(),
    memberRoles: new Map(),
    ...over,
  };
}

const copy = (id: string, content: string): CustomerMessage => ({ id, content, attachments: [] });

describe("scopeOf", () => {
  it("measures a kill from the restart and covers what changed from shortly before the kill to the restart", () => {
    const kill: FaultRecord = {
      kind: "kill_bot",
      target: "collector-2",
      botKind: "collector",
      instance: "collector-2",
      startedAt: T,
      endedAt: T + 9_000,
      readyMs: 4_000,
    };
    expect(scopeOf(kill)).toEqual({
      from: T + 5_000,
      sides: ["collector"],
      health: { kinds: ["collector"], only: "collector-2" },
      windowStart: T - SCOPE_LEAD_MS,
      windowEnd: T + 5_000,
    });
    expect(scopeOf({ ...kill, endedAt: undefined })).toBeNull(); // not restarted yet
  });

  it("checks both hops and every bot after a backend kill", () => {
    const scope = scopeOf({
      kind: "kill_backend",
      target: "convex",
      startedAt: T,
      endedAt: T + 3_000,
      readyMs: 1_000,
    });
    expect(scope?.sides).toEqual(["collector", "mirror"]);
    expect(scope?.health).toEqual({ kinds: ["collector", "mirror"] });
    expect(scope?.from).toBe(T + 2_000);
  });

  it("measures a partition from the heal, for that instance only", () => {
    const scope = scopeOf({
      kind: "partition",
      target: "mirror-1 ✕ convex",
      botKind: "mirror",
      instance: "mirror-1",
      startedAt: T,
      endedAt: T + 8_000,
    });
    expect(scope).toMatchObject({
      from: T + 8_000,
      sides: ["mirror"],
      health: { kinds: ["mirror"], only: "mirror-1" },
      windowEnd: T + 8_000,
    });
  });

  it("measures gateway drops and hangs from their start, with a window that stays open until observed", () => {
    const drop = scopeOf({
      kind: "gateway_drop",
      target: "collector",
      botKind: "collector",
      droppedSessions: 2,
      startedAt: T,
      endedAt: T,
    });
    expect(drop).toMatchObject({ from: T, sessionsOf: "collector", windowEnd: "sessions" });
    expect(drop?.sessionsToResume).toBe(2);
    expect(drop?.sides).toEqual(["collector"]);
    const mirrorDrop = scopeOf({
      kind: "gateway_drop",
      target: "mirror",
      botKind: "mirror",
      startedAt: T,
      endedAt: T,
    });
    expect(mirrorDrop?.sides).toEqual([]); // the mirror's work does not come over the gateway
    const hang = scopeOf({
      kind: "discord_hang",
      target: "mirror /channels/**",
      botKind: "mirror",
      emulatorFaultId: "f-1",
      hangCount: 2,
      startedAt: T,
    });
    expect(hang).toMatchObject({ from: T, emulatorFaultId: "f-1", windowEnd: "hits" });
  });

  it("measures a 5xx or 429 period from its end and follows its hits", () => {
    const scope = scopeOf({
      kind: "discord_429",
      target: "mirror /guilds/*/members/*/roles/*",
      botKind: "mirror",
      emulatorFaultId: "f-2",
      startedAt: T,
      endedAt: T + 6_000,
    });
    expect(scope).toMatchObject({ from: T + 6_000, emulatorFaultId: "f-2", sides: ["mirror"] });
    expect(scope?.health).toEqual({ kinds: ["mirror"] });
  });
});

const scope = (over: Partial<Scope>): Scope => ({
  from: T + 10_000,
  sides: [],
  health: { kinds: [] },
  windowStart: T - SCOPE_LEAD_MS,
  windowEnd: T + 10_000,
  ...over,
});

const model = (
  changes: [string, number, string | null][],
  tags: [string, string][] = [],
): SourceModel => ({
  changes: changes.map(([id, at, content]) => ({ id, at, content })),
  tags: new Map(tags),
});

describe("acceptedVersions", () => {
  it("accepts the version a message had at the window's end or any later one, not an older one", () => {
    const history = model([
      ["m1", T, "v1"],
      ["m1", T + 5_000, "v2"],
      ["m2", T + 6_000, "other"],
      ["m1", T + 12_000, "v3"],
      ["m1", T + 14_000, null],
    ]);
    expect(acceptedVersions("m1", history, T + 10_000)).toEqual({
      accepted: ["v2", "v3", null],
      changedSince: true,
    });
    expect(acceptedVersions("m1", history, T + 20_000)).toEqual({
      accepted: [null],
      changedSince: false,
    });
  });
});

describe("waitingOn: the collector hop (source → Convex)", () => {
  const collector = scope({ sides: ["collector"] });
  const changes = model([
    ["m1", T - 60_000, "[ck-1] first"], // posted long before the fault
    ["m1", T + 1_000, "[ck-1] edited"], // edited inside the window
    ["m2", T + 2_000, null], // deleted inside the window
    ["m3", T + 30_000, "[ck-3] new"], // after the window: not this fault's business
  ]);
  const signals = (m1: StoredSignalView, m2: StoredSignalView) =>
    new Map<string, StoredSignalView>([
      ["m1", m1],
      ["m2", m2],
    ]);

  it("waits until every message changed in the window is in Convex at its window-end version", () => {
    const stale = observation({
      signals: signals(
        { content: "[ck-1] first", deleted: false },
        { content: "[ck-2]", deleted: false },
      ),
    });
    expect(waitingOn(collector, stale, changes)).toEqual([
      "m1 Convex behind the source",
      "m2 Convex behind the source",
    ]);
    const caughtUp = observation({
      signals: signals(
        { content: "[ck-1] edited", deleted: false },
        { content: "[ck-2]", deleted: true },
      ),
    });
    expect(waitingOn(collector, caughtUp, changes)).toEqual([]);
    // A message deleted before any collector saw it has no signal: that is caught up too.
    const neverSeen = observation({
      signals: signals({ content: "[ck-1] edited", deleted: false }, null),
    });
    expect(waitingOn(collector, neverSeen, changes)).toEqual([]);
  });

  it("takes a later version as caught up: the workload's next edit is not this fault's doing", () => {
    const later = model([
      ["m1", T + 1_000, "[ck-1] edited"],
      ["m1", T + 40_000, "[ck-1] edited again"],
    ]);
    const obs = (content: string) =>
      observation({ signals: new Map([["m1", { content, deleted: false }]]) });
    expect(waitingOn(collector, obs("[ck-1] edited"), later)).toEqual([]);
    expect(waitingOn(collector, obs("[ck-1] edited again"), later)).toEqual([]);
  });

  it("does not call a message it did not read caught up", () => {
    expect(waitingOn(collector, observation(), changes)).toEqual([
      "m1 not observed",
      "m2 not observed",
    ]);
  });
});

describe("waitingOn: the mirror hop (Convex → customer guild)", () => {
  const mirror = scope({ sides: ["mirror"] });
  const changes = model(
    [
      ["m1", T + 1_000, "[ck-1] TP 2"],
      ["m2", T + 2_000, null],
    ],
    [
      ["m1", "[ck-1]"],
      ["m2", "[ck-2]"],
    ],
  );
  const signals = new Map<string, StoredSignalView>([
    ["m1", { content: "[ck-1] TP 2", deleted: false }],
    ["m2", { content: "[ck-2]", deleted: true }],
  ]);

  it("wants exactly one copy at the window-end version per live message, none per deleted one, nothing pending", () => {
    const byTag = (entries: [string, CustomerMessage[]][]) => new Map(entries);
    const cases: [Partial<Observation>, string[]][] = [
      [
        { customerByTag: byTag([["[ck-1]", [copy("c1", "[ck-1] TP 1")]]]) },
        ["m1 customer copy behind the source"],
      ],
      [{ customerByTag: byTag([]) }, ["m1 customer copy behind the source"]],
      [
        {
          customerByTag: byTag([
            ["[ck-1]", [copy("c1", "[ck-1] TP 2"), copy("c9", "[ck-1] TP 2")]],
          ]),
        },
        ["m1 2 customer copies"],
      ],
      [
        {
          customerByTag: byTag([
            ["[ck-1]", [copy("c1", "[ck-1] TP 2")]],
            ["[ck-2]", [copy("c2", "[ck-2]")]],
          ]),
        },
        ["m2 customer copy behind the source"],
      ],
      [
        {
          customerByTag: byTag([["[ck-1]", [copy("c1", "[ck-1] TP 2")]]]),
          unsettledDeliveries: new Set(["m1"]),
        },
        ["m1 delivery pending"],
      ],
      [{ customerByTag: byTag([["[ck-1]", [copy("c1", "[ck-1] TP 2")]]]) }, []],
    ];
    for (const [over, expected] of cases) {
      expect(waitingOn(mirror, observation({ signals, ...over }), changes)).toEqual(expected);
    }
  });

  it("leaves a delivery pending for a later version to that later change", () => {
    const later = model(
      [
        ["m1", T + 1_000, "[ck-1] TP 2"],
        ["m1", T + 40_000, "[ck-1] TP 3"],
      ],
      [["m1", "[ck-1]"]],
    );
    const obs = observation({
      signals: new Map([["m1", { content: "[ck-1] TP 3", deleted: false }]]),
      customerByTag: new Map([["[ck-1]", [copy("c1", "[ck-1] TP 2")]]]),
      unsettledDeliveries: new Set(["m1"]),
    });
    expect(waitingOn(mirror, obs, later)).toEqual([]);
  });
});

describe("waitingOn: health, sessions and hits", () => {
  it("checks the one instance a kill or partition hit, even while it is down", () => {
    const only = scope({ health: { kinds: ["mirror"], only: "mirror-1" } });
    const down = observation({
      bots: [bot("mirror-1", { running: false, healthy: false }), bot("mirror-2")],
    });
    expect(waitingOn(only, down, model([]))).toEqual(["mirror-1 not running"]);
    const unhealthy = observation({
      bots: [bot("mirror-1", { healthy: false, why: "Convex disconnected" }), bot("mirror-2")],
    });
    expect(waitingOn(only, unhealthy, model([]))).toEqual(["mirror-1 Convex disconnected"]);
  });

  it("checks every running instance of a kind for a kind-wide fault (one killed meanwhile is left out)", () => {
    const all = scope({ health: { kinds: ["collector"] } });
    const obs = observation({
      bots: [
        bot("collector-1", { running: false, healthy: false }),
        bot("collector-2", { healthy: false, why: "backfill pending" }),
        bot("mirror-1", { healthy: false }),
      ],
    });
    expect(waitingOn(all, obs, model([]))).toEqual(["collector-2 backfill pending"]);
  });

  it("waits for every dropped session to resume after the drop, and for all to be connected", () => {
    const drop = scope({
      from: T,
      sessionsOf: "collector",
      sessionsToResume: 2,
      windowEnd: "sessions",
    });
    const running = { collector: 2, mirror: 2 };
    // Still connected as far as the emulator's session list goes, but nothing resumed yet: the
    // list can lag the drop, the gateway log cannot.
    const notResumed = observation({
      sessionStarts: { collector: [T - 30_000, T + 400], mirror: [T + 500, T + 600] },
    });
    expect(waitingOn(drop, notResumed, model([]))).toEqual([
      "collector gateway sessions 1/2 resumed",
      "window open (sessions)",
    ]);
    expect(pinWindow(drop, notResumed, running).windowEnd).toBe("sessions");
    const resumedNotConnected = observation({
      sessions: { collector: 1, mirror: 2 },
      sessionStarts: { collector: [T + 400, T + 900], mirror: [] },
    });
    expect(waitingOn(drop, resumedNotConnected, model([]))).toEqual([
      "collector gateway sessions 1/2 connected",
      "window open (sessions)",
    ]);
    const back = observation({ sessionStarts: { collector: [T + 400, T + 900], mirror: [] } });
    const pinned = pinWindow(drop, back, running);
    expect(pinned.windowEnd).toBe(T + 20_000); // the observation that saw them back
    expect(waitingOn(pinned, back, model([]))).toEqual([]);
  });

  it("pins a hang's window at the end of its last hung request, once none is held", () => {
    const hang = scope({ from: T, emulatorFaultId: "f-1", windowEnd: "hits" });
    const held = observation({ openHangs: new Map([["f-1", 1]]) });
    expect(pinWindow(hang, held, { collector: 2, mirror: 2 }).windowEnd).toBe("hits");
    expect(waitingOn(hang, held, model([]))).toEqual([
      "1 hung request(s) not ended",
      "window open (hits)",
    ]);
    const ended = observation({
      hits: new Map([
        ["f-1", [{ id: 7, method: "GET", path: "/channels/1/messages", endedAt: T + 15_000 }]],
      ]),
    });
    expect(pinWindow(hang, ended, { collector: 2, mirror: 2 }).windowEnd).toBe(T + 15_000);
    // Never hit (no request on its route yet): nothing held, the window is the start.
    expect(pinWindow(hang, observation(), { collector: 2, mirror: 2 }).windowEnd).toBe(T);
  });

  it("waits until every request a Discord fault hit has landed", () => {
    const fault = scope({ emulatorFaultId: "f-2" });
    const putRole = { id: 10, method: "PUT", path: "/guilds/g/members/u1/roles/paid", endedAt: T };
    const obs = (over: Partial<Observation>) =>
      observation({ hits: new Map([["f-2", [putRole]]]), ...over });
    expect(waitingOn(fault, obs({}), model([]))).toEqual([
      "PUT /guilds/g/members/u1/roles/paid not landed",
    ]);
    expect(
      waitingOn(fault, obs({ memberRoles: new Map([["u1", new Set(["paid"])]]) }), model([])),
    ).toEqual([]);
    const retried = new Map([["PUT /guilds/g/members/u1/roles/paid", 12]]);
    expect(waitingOn(fault, obs({ lastSuccess: retried }), model([]))).toEqual([]);
    // A 2xx from before the hit does not count.
    const earlier = new Map([["PUT /guilds/g/members/u1/roles/paid", 9]]);
    expect(waitingOn(fault, obs({ lastSuccess: earlier }), model([]))).toHaveLength(1);
  });
});

describe("hitLanded", () => {
  it("takes a removed role, a deleted copy, and a post (judged by the messages scope)", () => {
    const base = observation({ customerIds: new Set(["c1"]) });
    const hit = (method: string, path: string) => ({ id: 5, method, path, endedAt: T });
    expect(hitLanded(hit("DELETE", "/guilds/g/members/u1/roles/paid"), base)).toBe(true);
    expect(hitLanded(hit("DELETE", "/channels/c/messages/c1"), base)).toBe(false);
    expect(hitLanded(hit("DELETE", "/channels/c/messages/c2"), base)).toBe(true);
    expect(hitLanded(hit("PATCH", "/channels/c/messages/c1"), base)).toBe(false);
    expect(hitLanded(hit("POST", "/channels/c/messages"), base)).toBe(true);
  });
});

describe("convergenceStats", () => {
  it("gives each kind's spread and counts the faults that never converged", () => {
    const record = (kind: FaultRecord["kind"], convergedMs?: number): FaultRecord => ({
      kind,
      target: "x",
      startedAt: 0,
      ...(convergedMs === undefined ? {} : { convergedMs }),
    });
    const stats = convergenceStats([
      record("partition", 900),
      record("partition", 300),
      record("partition", 2_000),
      record("partition"),
      record("gateway_drop"),
      record("discord_429", 450),
    ]);
    expect(stats).toEqual({
      partition: { n: 3, p50: 900, p95: 2_000, max: 2_000, unconverged: 1 },
      gateway_drop: { n: 0, p50: null, p95: null, max: null, unconverged: 1 },
      discord_429: { n: 1, p50: 450, p95: 450, max: 450, unconverged: 0 },
    });
    expect(Object.keys(stats)).toEqual(["partition", "gateway_drop", "discord_429"]);
  });
});
