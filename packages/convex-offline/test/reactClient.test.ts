import { ConvexReactClient } from "convex/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "./fixture-app/convex/_generated/api.js";
import { type Backend } from "../src/backend.js";
import { startFixture, webSocketConstructor } from "./helpers.js";

let backend: Backend;
beforeAll(async () => {
  backend = await startFixture();
});
afterAll(async () => {
  await backend.close();
});

describe("ConvexReactClient under Node", () => {
  it("watches a query and applies an optimistic update until the server confirms", async () => {
    const client = new ConvexReactClient(backend.url, {
      webSocketConstructor,
      unsavedChangesWarning: false,
    });
    try {
      const args = { channel: "react" };
      const watch = client.watchQuery(api.messages.list, args);
      // The listener keeps the query subscribed for the whole test.
      let resolveFirst: () => void = () => {};
      const firstResult = new Promise<void>((resolve) => (resolveFirst = resolve));
      const stop = watch.onUpdate(() => {
        if (watch.localQueryResult() !== undefined) resolveFirst();
      });
      await firstResult;
      expect(watch.localQueryResult()).toEqual([]);
      const pending = client.mutation(
        api.messages.send,
        { channel: "react", author: "me", body: "optimistic" },
        {
          optimisticUpdate: (store, mutationArgs) => {
            const current =
              store.getQuery(api.messages.list, { channel: mutationArgs.channel }) ?? [];
            store.setQuery(api.messages.list, { channel: mutationArgs.channel }, [
              ...current,
              { _id: "pending" as never, _creationTime: 0, ...mutationArgs },
            ]);
          },
        },
      );
      expect(watch.localQueryResult()?.map((m) => m._id)).toEqual(["pending"]);
      const id = await pending;
      expect(watch.localQueryResult()?.map((m) => m._id)).toEqual([id]);
      stop();
    } finally {
      await client.close();
    }
  });
});
