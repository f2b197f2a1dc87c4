import { ConvexError } from "convex/values";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "./fixture-app/convex/_generated/api.js";
import { type Backend } from "../src/backend.js";
import { startFixture, waitFor, wsClient, httpClient } from "./helpers.js";

let backend: Backend;
beforeAll(async () => {
  backend = await startFixture();
});
afterAll(async () => {
  await backend.close();
});

describe("WebSocket sync with the real ConvexClient", () => {
  it("pushes a subscription update after a mutation", async () => {
    const watcher = wsClient(backend);
    const writer = wsClient(backend);
    try {
      await waitFor<unknown[]>(
        (cb) => watcher.onUpdate(api.messages.list, { channel: "a" }, cb),
        (v) => v.length === 0,
      );
      const updated = waitFor<{ body: string }[]>(
        (cb) => watcher.onUpdate(api.messages.list, { channel: "a" }, cb),
        (v) => v.length === 1,
      );
      await writer.mutation(api.messages.send, { channel: "a", author: "x", body: "hello" });
      expect((await updated)[0]?.body).toBe("hello");
    } finally {
      await watcher.close();
      await writer.close();
    }
  });

  it("reads its own writes once the mutation resolves", async () => {
    const client = wsClient(backend);
    try {
      const seen: number[] = [];
      const unsubscribe = client.onUpdate(api.messages.count, { channel: "ryw" }, (n) =>
        seen.push(n),
      );
      await waitFor<number>(
        (cb) => client.onUpdate(api.messages.count, { channel: "ryw" }, cb),
        (n) => n === 0,
      );
      for (let i = 1; i <= 5; i++) {
        await client.mutation(api.messages.send, { channel: "ryw", author: "me", body: `m${i}` });
        expect(client.client.localQueryResult("messages:count", { channel: "ryw" })).toBe(i);
      }
      unsubscribe();
      expect(seen.at(-1)).toBe(5);
    } finally {
      await client.close();
    }
  });

  it("does not re-run subscriptions whose index range was not touched", async () => {
    const client = wsClient(backend);
    try {
      const updates: number[] = [];
      client.onUpdate(api.messages.count, { channel: "quiet" }, (n) => updates.push(n));
      await waitFor<number>(
        (cb) => client.onUpdate(api.messages.count, { channel: "quiet" }, cb),
        (n) => n === 0,
      );
      await client.mutation(api.messages.send, { channel: "noisy", author: "x", body: "y" });
      await client.mutation(api.messages.send, { channel: "quiet", author: "x", body: "y" });
      await waitFor<number>(
        (cb) => client.onUpdate(api.messages.count, { channel: "quiet" }, cb),
        (n) => n === 1,
      );
      expect(updates).toEqual([0, 1]);
    } finally {
      await client.close();
    }
  });

  it("carries ConvexError data (with bigint) over the socket and over HTTP (560)", async () => {
    const client = wsClient(backend);
    try {
      const wsError = await client.mutation(api.messages.fail, { n: 7n }).catch((e: unknown) => e);
      expect(wsError).toBeInstanceOf(ConvexError);
      expect((wsError as ConvexError<{ code: string; n: bigint }>).data).toEqual({
        code: "NOPE",
        n: 7n,
      });
      const httpError = await httpClient(backend)
        .mutation(api.messages.fail, { n: 9n })
        .catch((e: unknown) => e);
      expect(httpError).toBeInstanceOf(ConvexError);
      expect((httpError as ConvexError<{ code: string; n: bigint }>).data).toEqual({
        code: "NOPE",
        n: 9n,
      });
      const raw = await fetch(`${backend.url}/api/mutation`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          path: "messages:fail",
          args: [{ n: { $integer: "AQAAAAAAAAA=" } }],
          format: "convex_encoded_json",
        }),
      });
      expect(raw.status).toBe(560);
      const queryError = await waitFor<unknown>(
        (cb) => client.onUpdate(api.messages.failQuery, {}, () => {}, cb),
        () => true,
      );
      expect((queryError as ConvexError<{ code: string }>).data).toEqual({ code: "QUERY_NOPE" });
    } finally {
      await client.close();
    }
  });

  it("round-trips int64 and bytes", async () => {
    const client = wsClient(backend);
    try {
      const bytes = new Uint8Array([0, 1, 2, 250, 255]).buffer;
      const big = -(2n ** 62n) + 3n;
      const id = await client.mutation(api.values.put, { big, bytes });
      const viaWs = await client.query(api.values.get, { id });
      const viaHttp = await httpClient(backend).query(api.values.get, { id });
      for (const result of [viaWs, viaHttp]) {
        expect(result?.big).toBe(big);
        expect(new Uint8Array(result?.bytes ?? new ArrayBuffer(0))).toEqual(new Uint8Array(bytes));
      }
    } finally {
      await client.close();
    }
  });

  it("re-sends unanswered mutations after a server-side drop without running them twice", async () => {
    const client = wsClient(backend);
    try {
      await client.query(api.messages.count, { channel: "reconnect" });
      const sends = Array.from({ length: 10 }, (_, i) =>
        client.mutation(api.messages.send, { channel: "reconnect", author: "r", body: `b${i}` }),
      );
      // Drop every socket while the mutations are in flight; the client reconnects and re-sends.
      setTimeout(() => backend.dropConnections(), 5);
      await Promise.all(sends);
      const count = await client.query(api.messages.count, { channel: "reconnect" });
      expect(count).toBe(10);
      const fresh = wsClient(backend);
      expect(await fresh.query(api.messages.count, { channel: "reconnect" })).toBe(10);
      await fresh.close();
    } finally {
      await client.close();
    }
  });
});
