// Starts the fixture app on free ports and builds real clients against it.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { WebSocket } from "ws";
import { type Backend, type BackendOptions, startBackend } from "../src/backend.js";
import { generateAuthKeys } from "../src/auth/keys.js";
import { silentLogger } from "../src/log.js";

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), "fixture-app", "convex");
export const MAIN_APP_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "..",
  "convex",
);

type ClientOptions = NonNullable<ConstructorParameters<typeof ConvexClient>[1]>;
export const webSocketConstructor = WebSocket as unknown as ClientOptions["webSocketConstructor"];

let keys: Awaited<ReturnType<typeof generateAuthKeys>> | null = null;

/** The Convex Auth keys the fixture backends are started with. */
export async function fixtureKeys(): Promise<Awaited<ReturnType<typeof generateAuthKeys>>> {
  keys ??= await generateAuthKeys();
  return keys;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), "convex-offline-test-"));
}

export async function startFixture(options: Partial<BackendOptions> = {}): Promise<Backend> {
  keys ??= await generateAuthKeys();
  return await startBackend({
    functionsDir: FIXTURE_DIR,
    port: 0,
    sitePort: 0,
    dataDir: null,
    logger: silentLogger,
    ...options,
    env: {
      JWT_PRIVATE_KEY: keys.JWT_PRIVATE_KEY,
      JWKS: keys.JWKS,
      SITE_URL: "http://localhost:3000",
      ...options.env,
    },
  });
}

export function wsClient(backend: Backend): ConvexClient {
  return new ConvexClient(backend.url, { webSocketConstructor, unsavedChangesWarning: false });
}

export function httpClient(backend: Backend): ConvexHttpClient {
  return new ConvexHttpClient(backend.url);
}

/** Resolves with the first value the predicate accepts, or rejects after timeoutMs. */
export function waitFor<T>(
  subscribe: (onValue: (value: T) => void) => () => void,
  predicate: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let unsubscribe: (() => void) | null = null;
    let done = false;
    const timer = setTimeout(() => {
      done = true;
      unsubscribe?.();
      reject(new Error(`waitFor: timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    unsubscribe = subscribe((value) => {
      if (done || !predicate(value)) return;
      done = true;
      clearTimeout(timer);
      queueMicrotask(() => unsubscribe?.());
      resolve(value);
    });
  });
}

export async function eventually<T>(
  read: () => Promise<T>,
  predicate: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (predicate(value)) return value;
    if (Date.now() > deadline) throw new Error(`eventually: last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The message of the error `call` fails with; throws when it succeeds. */
export async function failureMessage(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error("expected the call to fail");
}
