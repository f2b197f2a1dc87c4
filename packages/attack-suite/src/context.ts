import { inject } from "vitest";

/** What the global setup started, as every test file sees it. */
export type SuiteStack = {
  backendUrl: string;
  siteUrl: string;
  adminKey: string;
  /** The production web app, or null when it could not start (webError says why). */
  webUrl: string | null;
  webError: string | null;
  /** The backend's data directory (documents and files on disk). */
  dataDir: string;
};

declare module "vitest" {
  export interface ProvidedContext {
    stack: SuiteStack;
  }
}

export function suiteStack(): SuiteStack {
  return inject("stack");
}

/** The web app's URL; fails the calling test with the reason when it did not start. */
export function webUrl(stack: SuiteStack): string {
  if (stack.webUrl === null) throw new Error(stack.webError ?? "the web app did not start");
  return stack.webUrl;
}
