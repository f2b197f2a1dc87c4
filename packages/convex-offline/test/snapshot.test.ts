import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "./fixture-app/convex/_generated/api.js";
import { type Backend } from "../src/backend.js";
import { startFixture, waitFor, wsClient } from "./helpers.js";

let backend: Backend;
beforeAll(async () => {
  backend = await startFixture();
});
afterAll(async () => {
  await backend.close();
});

describe("one Transition = one snapshot", () => {
  it("never shows two queries of a client at different commits while writes race", async () => {
    const reader = wsClient(backend);
    const writers = [wsClient(backend), wsClient(backend), wsClient(backend)];
    try {
      const args = { channel: "snap" };
      const seen: { count: number; listed: number }[] = [];
      const check = () => {
        const count = reader.client.localQueryResult("messages:count", args) as number | undefined;
        const list = reader.client.localQueryResult("messages:list", args) as unknown[] | undefined;
        if (count !== undefined && list !== undefined) seen.push({ count, listed: list.length });
      };
      reader.onUpdate(api.messages.count, args, check);
      reader.onUpdate(api.messages.list, args, check);
      await waitFor<number>(
        (cb) => reader.onUpdate(api.messages.count, args, cb),
        (n) => n === 0,
      );
      await Promise.all(
        writers.flatMap((writer, w) =>
          Array.from({ length: 30 }, (_, i) =>
            writer.mutation(api.messages.send, { ...args, author: `w${w}`, body: `${i}` }),
          ),
        ),
      );
      await waitFor<number>(
        (cb) => reader.onUpdate(api.messages.count, args, cb),
        (n) => n === 90,
      );
      expect(seen.length).toBeGreaterThan(1);
      for (const state of seen) expect(state.count).toBe(state.listed);
    } finally {
      await reader.close();
      await Promise.all(writers.map((writer) => writer.close()));
    }
  });
});
