// Finding 10: attachment storage URLs answered 200 forever after revocation, with a long cache,
// and HTML/SVG were served (and rendered) from the backend's origin. Expected: URLs only for
// members with access, short-lived caching, dead within minutes of revocation, and active content
// never rendered from our origins.
import { launchChromium } from "@g3/dev-stack/chromium";
import { waitFor } from "@g3/dev-stack/poll";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { buyAccess, disputeAccess, freshEmail, makeActor, signUpVerified } from "../src/actors.js";
import { suiteStack } from "../src/context.js";
import { api, httpClient, outcome, type Id } from "../src/convex.js";
import { postMarkedSignal, uploadAttachment } from "../src/signals.js";
import { SIGNAL_MARKER, uniqueName } from "../src/world.js";

const stack = suiteStack();
/** "Within minutes": a URL handed out before revocation must be dead this long after it. */
const REVOKED_URL_DEADLINE_MS = 5 * 60_000;
/** Longest cache lifetime a response may allow (seconds). */
const MAX_CACHE_SECONDS = 600;

const HTML = `<!doctype html><title>inert</title><script>document.title = "pwned-html"</script>`;
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" onload="document.title='pwned-svg'"><script>document.title='pwned-svg'</script></svg>`;
// A 1×1 transparent PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
).toString("latin1");

let browser: Browser;
let memberToken = "";
let memberEmail = "";
let signalId: Id<"signals">;
let ingestError: string | null = null;
/** The member's order, bought in the second test and disputed in the third. */
let memberOrder: Awaited<ReturnType<typeof buyAccess>> | undefined;

type View = { filename: string; url: string | null; contentType: string };

async function attachmentsAs(token: string | null): Promise<View[]> {
  const result = await httpClient(stack, token).query(api.feed.signal, { signalId });
  if (result.locked || !result.found) return [];
  return result.signal.attachments;
}

beforeAll(async () => {
  browser = await launchChromium();
  memberEmail = freshEmail("f10-member");
  memberToken = await signUpVerified(stack, memberEmail);
  const posted = await outcome(async () => {
    const files = [
      await uploadAttachment(stack, "chart.png", "image/png", PNG),
      await uploadAttachment(stack, "page.html", "text/html", HTML),
      await uploadAttachment(stack, "logo.svg", "image/svg+xml", SVG),
    ];
    return await postMarkedSignal(stack, uniqueName("f10"), { attachments: files });
  });
  if (posted.ok) signalId = posted.value;
  else {
    // Refusing active files at ingest is one acceptable fix; then post the image alone.
    ingestError = posted.error;
    const png = await uploadAttachment(stack, "chart.png", "image/png", PNG);
    signalId = await postMarkedSignal(stack, uniqueName("f10"), { attachments: [png] });
  }
}, 120_000);

afterAll(async () => {
  await browser.close();
});

test("callers without access get no attachment URL", async () => {
  const unpaid = await makeActor(stack, "unpaid", "f10");
  for (const [who, token] of [
    ["anonymous", null],
    ["unpaid", unpaid.token],
  ] as const) {
    const result = await httpClient(stack, token).query(api.feed.signal, { signalId });
    expect(JSON.stringify(result), `${who} reads the signal`).not.toContain(SIGNAL_MARKER);
    // Any URL on our backend's origins (storage or an HTTP action) would hand out the file.
    const text = JSON.stringify(result);
    expect(text, `${who} gets an attachment URL`).not.toContain(new URL(stack.backendUrl).host);
    expect(text, `${who} gets an attachment URL`).not.toContain(new URL(stack.siteUrl).host);
  }
});

test("active content (HTML, SVG) is never served renderable, and caching is short", async () => {
  memberOrder = await buyAccess(stack, memberEmail, memberToken);
  const views = await attachmentsAs(memberToken);
  expect(views.map((view) => view.filename)).toContain("chart.png");
  const problems: string[] = [];
  for (const view of views) {
    if (view.url === null) continue;
    const response = await fetch(view.url);
    await response.arrayBuffer();
    const type = (response.headers.get("content-type") ?? "").toLowerCase();
    const csp = (response.headers.get("content-security-policy") ?? "").toLowerCase();
    const disposition = (response.headers.get("content-disposition") ?? "").toLowerCase();
    const active = type.includes("html") || type.includes("svg") || type.includes("xml");
    if (active && !(csp.includes("sandbox") && disposition.startsWith("attachment"))) {
      problems.push(
        `${view.filename} is served as ${type} (CSP: "${csp}", disposition: "${disposition}")`,
      );
    }
    const cache = (response.headers.get("cache-control") ?? "").toLowerCase();
    const maxAge = Math.max(
      ...[...cache.matchAll(/(?:s-)?max-age=(\d+)/g)].map((match) => Number(match[1])),
      0,
    );
    const shortLived =
      cache.includes("no-store") || (cache.includes("max-age") && maxAge <= MAX_CACHE_SECONDS);
    if (!shortLived || cache.includes("immutable")) {
      problems.push(`${view.filename} may be cached: Cache-Control "${cache}"`);
    }
    if (active) {
      const page = await browser.newPage();
      await page.goto(view.url).catch(() => undefined);
      const title = await page.title().catch(() => "");
      await page.close();
      if (title.startsWith("pwned"))
        problems.push(`${view.filename} ran its script in the browser`);
    }
  }
  expect(problems, `ingest said: ${ingestError ?? "(stored every file)"}`).toEqual([]);
});

test(
  "a URL handed out before revocation stops answering within minutes",
  async () => {
    const order = memberOrder;
    if (order === undefined)
      throw new Error("the member never bought access (previous test failed)");
    const [image] = (await attachmentsAs(memberToken)).filter((view) => view.url !== null);
    if (image?.url === undefined || image.url === null)
      throw new Error("the member got no attachment URL");
    const url = image.url;
    expect((await fetch(url)).status, "the member's own URL does not work").toBe(200);
    const revokedAt = Date.now();
    await disputeAccess(stack, order, memberToken);
    const dead = await outcome(() =>
      waitFor(
        async () => (await fetch(url)).status !== 200,
        REVOKED_URL_DEADLINE_MS,
        "the attachment URL to stop answering",
      ),
    );
    expect(
      dead.ok
        ? "dead"
        : `still 200 ${Math.round((Date.now() - revokedAt) / 1000)} s after revocation`,
      "an attachment URL keeps working after the member's access was revoked",
    ).toBe("dead");
  },
  REVOKED_URL_DEADLINE_MS + 60_000,
);
