// Browser-side security checks for the journey: every Content-Security-Policy violation any page
// reports, and the security headers the server sends.
import { request as httpRequest } from "node:http";
import type { BrowserContext } from "playwright-core";

export type CspViolation = { page: string; directive: string; blocked: string; sample: string };

declare global {
  interface Window {
    __g3ReportCspViolation?: (violation: Omit<CspViolation, "page">) => void;
  }
}

/**
 * Records every CSP violation in `context` into `sink`: the documents' `securitypolicyviolation`
 * events (through a binding, which the page's CSP cannot block) and Chromium's console errors
 * about the policy (which also cover violations raised before the listener was installed).
 */
export async function recordCspViolations(
  context: BrowserContext,
  sink: CspViolation[],
): Promise<void> {
  await context.exposeBinding("__g3ReportCspViolation", (source, violation: CspViolation) => {
    sink.push({ ...violation, page: source.page.url() });
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__g3ReportCspViolation?.({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      });
    });
  });
  context.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      sink.push({
        page: message.page()?.url() ?? "",
        directive: "console",
        blocked: "",
        sample: message.text().slice(0, 300),
      });
    }
  });
}

/** GET `path` from the web server with a chosen Host header (fetch may not set Host). */
export function getWithHost(
  webUrl: string,
  path: string,
  host: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  const url = new URL(path, webUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { hostname: "127.0.0.1", port: url.port, path: url.pathname, headers: { Host: host } },
      (response) => {
        response.resume();
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** The directives of a Content-Security-Policy header, by name. */
export function cspDirectives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim())
      .filter((part) => part !== "")
      .map((part) => {
        const [name = "", ...sources] = part.split(/\s+/);
        return [name, sources];
      }),
  );
}
