import { type PaginationResult } from "convex/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api } from "./fixture-app/convex/_generated/api.js";
import { type Doc, type Id } from "./fixture-app/convex/_generated/dataModel.js";
import { type Backend } from "../src/backend.js";
import { startFixture, waitFor, wsClient } from "./helpers.js";
import { type ConvexClient } from "convex/browser";

let backend: Backend;
let client: ConvexClient;
beforeEach(async () => {
  backend = await startFixture();
  client = wsClient(backend);
});
afterEach(async () => {
  await client.close();
  await backend.close();
});

type Page = PaginationResult<Doc<"items">>;
const ns = (page: Page) => page.page.map((item) => item.n);

function watchPage(cursor: string | null, numItems: number, predicate: (page: Page) => boolean) {
  return waitFor<Page>(
    (cb) => client.onUpdate(api.items.page, { paginationOpts: { cursor, numItems } }, cb),
    predicate,
  );
}

describe("pagination with journals", () => {
  it("returns an empty, finished page for an empty table", async () => {
    const page = await client.query(api.items.page, {
      paginationOpts: { cursor: null, numItems: 3 },
    });
    expect(page).toMatchObject({ page: [], isDone: true });
  });

  it("grows a page on insert instead of shifting rows, and shrinks it on delete", async () => {
    const ids = new Map<number, Id<"items">>();
    for (const n of [1, 2, 3, 4, 5]) ids.set(n, await client.mutation(api.items.add, { n }));
    const first = await watchPage(null, 2, () => true);
    expect(ns(first)).toEqual([5, 4]);
    expect(first.isDone).toBe(false);
    const second = await watchPage(first.continueCursor, 2, () => true);
    expect(ns(second)).toEqual([3, 2]);
    const third = await client.query(api.items.page, {
      paginationOpts: { cursor: second.continueCursor, numItems: 2 },
    });
    expect(ns(third)).toEqual([1]);
    expect(third.isDone).toBe(true);

    // Keep both pages subscribed while writing.
    const pages: { first: Page[]; second: Page[] } = { first: [], second: [] };
    client.onUpdate(api.items.page, { paginationOpts: { cursor: null, numItems: 2 } }, (p) =>
      pages.first.push(p),
    );
    client.onUpdate(
      api.items.page,
      { paginationOpts: { cursor: first.continueCursor, numItems: 2 } },
      (p) => pages.second.push(p),
    );
    await client.mutation(api.items.add, { n: 4.5 });
    const grown = await watchPage(null, 2, (p) => p.page.length === 3);
    expect(ns(grown)).toEqual([5, 4.5, 4]);
    expect(grown.continueCursor).toBe(first.continueCursor);
    expect(ns(pages.second.at(-1) ?? second)).toEqual([3, 2]);

    await client.mutation(api.items.remove, { id: ids.get(3) as Id<"items"> });
    const shrunk = await watchPage(first.continueCursor, 2, (p) => p.page.length === 1);
    expect(ns(shrunk)).toEqual([2]);
    expect(shrunk.continueCursor).toBe(second.continueCursor);
    expect(ns(pages.first.at(-1) ?? grown)).toEqual([5, 4.5, 4]);
  });

  it("treats a full page at the exact end of the table as the last page, which grows later", async () => {
    for (const n of [10, 20]) await client.mutation(api.items.add, { n });
    // A live subscription keeps the page's journal.
    client.onUpdate(api.items.page, { paginationOpts: { cursor: null, numItems: 2 } }, () => {});
    const page = await watchPage(null, 2, () => true);
    expect(ns(page)).toEqual([20, 10]);
    expect(page.isDone).toBe(true);
    await client.mutation(api.items.add, { n: 5 });
    const grown = await watchPage(null, 2, (p) => p.page.length === 3);
    expect(ns(grown)).toEqual([20, 10, 5]);
  });

  it("drives the client's paginated query helper (loadMore)", async () => {
    for (let n = 1; n <= 7; n++) await client.mutation(api.items.add, { n });
    type Result = { results: Doc<"items">[]; status: string; loadMore: (n: number) => boolean };
    const results: Result[] = [];
    const unsubscribe = client.onPaginatedUpdate_experimental(
      api.items.page,
      {} as never,
      { initialNumItems: 3 },
      (r) => void results.push(r as unknown as Result),
    );
    const firstPage = await waitFor<Result>(
      (cb) =>
        client.onPaginatedUpdate_experimental(
          api.items.page,
          {} as never,
          { initialNumItems: 3 },
          (r) => cb(r as unknown as Result),
        ),
      (r) => r.status === "CanLoadMore",
    );
    expect(firstPage.results.map((i) => i.n)).toEqual([7, 6, 5]);
    const latest = () => results.at(-1);
    latest()?.loadMore(10);
    const deadline = Date.now() + 5000;
    while (latest()?.status !== "Exhausted" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(latest()?.results.map((i) => i.n)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(latest()?.status).toBe("Exhausted");
    unsubscribe();
  });
});
