// Finding 8: the web app sent no Content-Security-Policy, HSTS, Permissions-Policy or
// frame-ancestors. Expected: a nonce-based CSP without 'unsafe-inline' scripts (every inline
// script carries the nonce, and the pages work under it), frame-ancestors, HSTS and
// Permissions-Policy on every page.
import { launchChromium } from "@g3/dev-stack/chromium";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { suiteStack, webUrl } from "../src/context.js";

const stack = suiteStack();
const PAGES = ["/", "/signin", "/signup", "/reset"];
/** Six months, the usual floor for HSTS (preload lists ask for a year). */
const MIN_HSTS_SECONDS = 15_552_000;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

/** The CSP's directives by name. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name !== undefined && name !== "") map.set(name.toLowerCase(), values);
  }
  return map;
}

for (const path of PAGES) {
  test(`${path}: CSP with a nonce and no unsafe-inline scripts, frame-ancestors, HSTS, Permissions-Policy`, async () => {
    const response = await fetch(`${webUrl(stack)}${path}`, { redirect: "manual" });
    const html = await response.text();
    const problems: string[] = [];
    const policy = response.headers.get("content-security-policy") ?? "";
    const csp = directives(policy);
    const scripts = csp.get("script-src") ?? csp.get("default-src") ?? [];
    const nonce = scripts.find((value) => value.startsWith("'nonce-"))?.slice(7, -1);
    if (policy === "") problems.push("no Content-Security-Policy header");
    if (nonce === undefined) problems.push(`script-src has no nonce: "${scripts.join(" ")}"`);
    if (scripts.includes("'unsafe-inline'")) problems.push("script-src allows 'unsafe-inline'");
    const ancestors = csp.get("frame-ancestors");
    if (
      ancestors === undefined ||
      !(ancestors.includes("'none'") || ancestors.includes("'self'"))
    ) {
      problems.push(`frame-ancestors is "${ancestors?.join(" ") ?? "missing"}"`);
    }
    const hsts = response.headers.get("strict-transport-security") ?? "";
    const maxAge = Number(/max-age=(\d+)/i.exec(hsts)?.[1] ?? 0);
    if (maxAge < MIN_HSTS_SECONDS) problems.push(`Strict-Transport-Security is "${hsts}"`);
    if ((response.headers.get("permissions-policy") ?? "") === "") {
      problems.push("no Permissions-Policy header");
    }
    // Every inline script must carry this response's nonce, or the browser blocks it.
    for (const match of html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)) {
      const attributes = match[1] ?? "";
      if (nonce !== undefined && !attributes.includes(`nonce="${nonce}"`)) {
        problems.push(`an inline script without the nonce: <script${attributes}>`);
        break;
      }
    }
    expect(problems, `${path} answered ${response.status}`).toEqual([]);
  });
}

test("the sign-in page works under its CSP: no violations, the form hydrates", async () => {
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(`${webUrl(stack)}/signin`);
  await page.getByLabel("Email").fill("someone@attack.test");
  await page.waitForLoadState("networkidle");
  await page.close();
  expect(violations).toEqual([]);
});
