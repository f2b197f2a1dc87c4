import { beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { ATTACHMENT_LINK_WINDOW_MS } from "./model/feed/attachmentLinks";
import { TIER, type TestConvex, insertSignal, setupRoles } from "./test.roles";

const SITE = "http://127.0.0.1:3211";
const page = { numItems: 10, cursor: null };

beforeEach(() => {
  vi.stubEnv("JWT_PRIVATE_KEY", "-----BEGIN PRIVATE KEY----- test-key -----END PRIVATE KEY-----");
  vi.stubEnv("CONVEX_SITE_URL", SITE);
});

const FILES = {
  "chart.png": { type: "image/png", body: new Uint8Array([137, 80, 78, 71, 1, 2, 3]) },
  "evil.svg": { type: "image/svg+xml", body: '<svg onload="alert(1)"/>' },
  "page.html": { type: "text/html", body: "<script>alert(document.cookie)</script>" },
} as const;

/** One signal in `tierKey` carrying the three files above, stored as ingest stores them. */
async function signalWithFiles(t: TestConvex, tierKey = TIER) {
  const ids = await t.run(async (ctx) => {
    const ids: Id<"attachments">[] = [];
    for (const [filename, file] of Object.entries(FILES)) {
      const blob = new Blob([file.body], { type: file.type });
      const storageId = await ctx.storage.store(blob);
      ids.push(
        await ctx.db.insert("attachments", {
          discordAttachmentId: `${tierKey}-${filename}`,
          sourceMessageId: `msg-${tierKey}`,
          status: "stored",
          storageId,
          filename,
          contentType: file.type,
          size: blob.size,
        }),
      );
    }
    return ids;
  });
  await insertSignal(t, { tierKey, sourceMessageId: `msg-${tierKey}`, attachmentIds: ids });
  return ids;
}

async function linksFromFeed(caller: Awaited<ReturnType<typeof setupRoles>>["withAccess"]) {
  const [card] = (await caller.query(api.feed.list, { paginationOpts: page })).page;
  return Object.fromEntries(card?.attachments.map((a) => [a.filename, a.url ?? ""]) ?? []);
}

/** GET a link through the HTTP router the way a browser would. */
async function get(t: TestConvex, link: string) {
  const url = new URL(link);
  return t.fetch(`${url.pathname}${url.search}`, { method: "GET" });
}

describe("attachment links", () => {
  test("cards carry signed, expiring links to /attachment, never storage URLs", async () => {
    const { t, withAccess } = await setupRoles();
    await signalWithFiles(t);
    const links = await linksFromFeed(withAccess);
    for (const link of Object.values(links)) {
      expect(link.startsWith(`${SITE}/attachment?`)).toBe(true);
      expect(link).not.toContain("/api/storage");
      expect(new URL(link).searchParams.get("sig")).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  test("only images render inline; SVG and HTML are opaque downloads; nothing sniffs or runs", async () => {
    const { t, withAccess } = await setupRoles();
    await signalWithFiles(t);
    const links = await linksFromFeed(withAccess);
    const png = await get(t, links["chart.png"] ?? "");
    expect(png.status).toBe(200);
    expect(new Uint8Array(await png.arrayBuffer())).toEqual(FILES["chart.png"].body);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(png.headers.get("content-disposition")).toMatch(/^inline; filename="chart.png"/);
    for (const name of ["evil.svg", "page.html"] as const) {
      const response = await get(t, links[name] ?? "");
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(FILES[name].body);
      expect(response.headers.get("content-type")).toBe("application/octet-stream");
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=/);
    }
    for (const response of [png, await get(t, links["evil.svg"] ?? "")]) {
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");
      const maxAge = Number(
        /private, max-age=(\d+)/.exec(response.headers.get("cache-control") ?? "")?.[1],
      );
      expect(maxAge).toBeGreaterThan(0);
      expect(maxAge * 1000).toBeLessThanOrEqual(2 * ATTACHMENT_LINK_WINDOW_MS);
    }
  });

  test("a link expires within minutes (410), and a forged or re-scoped one is refused (404)", async () => {
    const { t, withAccess } = await setupRoles();
    await signalWithFiles(t);
    await signalWithFiles(t, "whale");
    const link = new URL((await linksFromFeed(withAccess))["chart.png"] ?? "");
    const tampered = new URL(link);
    tampered.searchParams.set("exp", String(Number(link.searchParams.get("exp")) + 600_000));
    const forged = new URL(link);
    forged.searchParams.set("sig", "0".repeat(64));
    const otherTier = new URL(link);
    otherTier.searchParams.set("tier", "whale");
    for (const bad of [tampered, forged, otherTier]) {
      expect((await get(t, bad.toString())).status).toBe(404);
    }
    vi.useFakeTimers({ now: Number(link.searchParams.get("exp")) });
    expect((await get(t, link.toString())).status).toBe(410);
  });

  test("a revocation in the tier kills every outstanding link at once", async () => {
    const { t, withAccess, ids } = await setupRoles();
    await signalWithFiles(t);
    const link = (await linksFromFeed(withAccess))["chart.png"] ?? "";
    expect((await get(t, link)).status).toBe(200);
    await t.run(async (ctx) => {
      const { writeEntitlement, sameRow, stateOf } = await import("./model/payments/entitlements");
      const row = await ctx.db
        .query("entitlements")
        .withIndex("by_user_and_tier", (q) => q.eq("userId", ids.paying).eq("tierKey", TIER))
        .unique();
      if (row === null) throw new Error("expected the entitlement");
      await writeEntitlement(ctx, {
        ...sameRow(row),
        next: { ...stateOf(row), status: "revoked", revokedAt: Date.now() },
        actor: { type: "system" },
        reason: "refunded",
        now: Date.now(),
      });
    });
    expect((await get(t, link)).status).toBe(404);
  });

  test("attachments.link: a fresh link only for a reader of the attachment's tier", async () => {
    const { t, anonymous, noAccess, admin, withAccess } = await setupRoles();
    const [mine] = await signalWithFiles(t);
    const [theirs] = await signalWithFiles(t, "whale");
    if (mine === undefined || theirs === undefined) throw new Error("expected attachments");
    for (const caller of [anonymous, noAccess, admin]) {
      expect(await caller.query(api.attachments.link, { attachmentId: mine })).toBeNull();
    }
    expect(await withAccess.query(api.attachments.link, { attachmentId: theirs })).toBeNull();
    const fresh = await withAccess.query(api.attachments.link, { attachmentId: mine });
    if (fresh === null) throw new Error("expected a link");
    expect((await get(t, fresh.url)).status).toBe(200);
  });
});
