import { Events, type Client } from "discord.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS, type RunningEmulator } from "../src/index.js";
import { collect, loginCollector, startTestEmulator, waitUntil } from "./helpers.js";

describe("gateway faults: discord.js recovers without losing or duplicating events", () => {
  let emu: RunningEmulator;
  let collector: Client<true>;
  let eventsSince = 0;

  beforeAll(async () => {
    emu = await startTestEmulator();
    collector = await loginCollector(emu);
  });
  beforeEach(async () => {
    await emu.control.clearFaults();
    eventsSince = (await emu.control.events(0, 1)).at(-1)?.id ?? 0;
  });
  afterAll(async () => {
    await collector.destroy();
    await emu.close();
  });

  /** Posts `n` messages while the connection is disrupted, then checks each arrives exactly once. */
  async function postDuringGap(label: string, n = 5): Promise<void> {
    const received = collect(collector, Events.MessageCreate);
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) {
      const m = await emu.control.postMessage(DEMO_IDS.sourceFreeChat, {
        authorId: DEMO_IDS.analystUser,
        content: `${label} ${i}`,
      });
      ids.push(m.id);
    }
    await waitUntil(
      () => ids.every((id) => received.items.some(([m]) => m.id === id)),
      8_000,
      `${label} events`,
    );
    await new Promise((r) => setTimeout(r, 100));
    received.stop();
    const got = received.items.map(([m]) => m.id).filter((id) => ids.includes(id));
    expect(got).toEqual(ids);
  }

  async function gatewayKinds(): Promise<string[]> {
    return (await emu.control.events(eventsSince))
      .filter((e) => e.kind !== "dispatch")
      .map((e) => e.kind);
  }

  /** Dispatches replayed on RESUME since the test began: proves events really fell into the gap. */
  async function replayed(): Promise<number> {
    return (await emu.control.events(eventsSince))
      .filter((e) => e.kind === "resume")
      .reduce((sum, e) => sum + Number(e.detail?.replayed ?? 0), 0);
  }

  it("op 7 RECONNECT → RESUME with replay", async () => {
    expect(
      await emu.control.gatewayAction({ action: "reconnect", botId: DEMO_IDS.collectorApp }),
    ).toEqual({ affected: 1 });
    await postDuringGap("op7");
    expect(await gatewayKinds()).toEqual(
      expect.arrayContaining(["fault", "close", "resume", "resumed"]),
    );
    expect(await replayed()).toBeGreaterThan(0);
  });

  it("op 9 d:true → RESUME on the same socket", async () => {
    await emu.control.gatewayAction({ action: "invalid_session", resumable: true });
    await postDuringGap("op9-true");
    expect(await gatewayKinds()).toEqual(expect.arrayContaining(["fault", "resume", "resumed"]));
  });

  it("op 9 d:false → fresh IDENTIFY, then events flow again", async () => {
    const ready = collect(collector, Events.ShardReady);
    await emu.control.gatewayAction({ action: "invalid_session", resumable: false });
    await waitUntil(() => ready.items.length > 0, 8_000, "re-identify");
    ready.stop();
    await postDuringGap("op9-false", 3);
    expect(await gatewayKinds()).toContain("identify");
  });

  it("abrupt close 4000 and a hard drop (1006) → RESUME; events posted in the gap arrive once", async () => {
    await emu.control.gatewayAction({ action: "close", code: 4000 });
    await postDuringGap("close-4000");
    expect(await replayed()).toBeGreaterThan(0);
    await emu.control.gatewayAction({ action: "drop" });
    await postDuringGap("drop");
    const kinds = await gatewayKinds();
    expect(kinds.filter((k) => k === "resume")).toHaveLength(2);
    expect(kinds).not.toContain("identify");
  });

  it("zombie connection (no heartbeat ACK) → reconnect and resume", async () => {
    await emu.control.injectGatewayFault({
      kind: "stop_acks",
      botId: DEMO_IDS.collectorApp,
      count: 1,
    });
    const resumed = collect(collector, Events.ShardResume);
    await postDuringGap("zombie");
    await waitUntil(() => resumed.items.length > 0, 5_000, "resume after zombie");
    resumed.stop();
    const kinds = await gatewayKinds();
    expect(kinds).toEqual(expect.arrayContaining(["heartbeat_ack_skipped", "resume"]));
  });

  it("after a world reset the RESUME is refused (op 9 false) and the client re-identifies", async () => {
    const ready = collect(collector, Events.ShardReady);
    await emu.control.resetWorld();
    await waitUntil(() => ready.items.length > 0, 8_000, "re-identify after reset");
    ready.stop();
    const log = await emu.control.events();
    expect(log.map((e) => e.kind)).toEqual(expect.arrayContaining(["invalid_session", "identify"]));
    await postDuringGap("after-reset", 2);
  });
});
