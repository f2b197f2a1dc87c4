import { SignJWT, importPKCS8 } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Backend } from "../src/backend.js";
import { type Logger } from "../src/log.js";
import { api } from "./fixture-app/convex/_generated/api.js";
import { fixtureKeys, startFixture, waitFor, wsClient } from "./helpers.js";

let backend: Backend;
const flushes: { reruns: number; transitions: number }[] = [];
const logger: Logger = {
  log(_level, event, fields) {
    if (event === "sync.flush") flushes.push(fields as { reruns: number; transitions: number });
  },
};

beforeAll(async () => {
  backend = await startFixture({ logger });
});
afterAll(async () => {
  await backend.close();
});

async function tokenFor(subject: string): Promise<string> {
  const { JWT_PRIVATE_KEY } = await fixtureKeys();
  const key = await importPKCS8(JWT_PRIVATE_KEY.replace(/ (?!PRIVATE|KEY)/g, "\n"), "RS256");
  return await new SignJWT({})
    .setProtectedHeader({ alg: "RS256" })
    .setSubject(subject)
    .setIssuer(backend.siteUrl)
    .setAudience("convex")
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + 600)
    .sign(key);
}

describe("re-runs shared between subscribers", () => {
  it("runs an identity-free query once for every caller, and an identity-reading one per caller", async () => {
    const subjects = ["user-a|s", "user-b|s", "user-c|s"];
    const clients = await Promise.all(
      subjects.map(async (subject) => {
        const client = wsClient(backend);
        const token = await tokenFor(subject);
        await new Promise<void>((resolve) =>
          client.setAuth(
            () => Promise.resolve(token),
            (ok) => ok && resolve(),
          ),
        );
        return client;
      }),
    );
    try {
      const counted = (n: number) =>
        Promise.all(
          clients.map((client) =>
            Promise.all([
              waitFor<number>(
                (cb) => client.onUpdate(api.messages.count, { channel: "shared" }, cb),
                (count) => count === n,
              ),
              waitFor<{ viewer: string | null; count: number }>(
                (cb) => client.onUpdate(api.messages.countForViewer, { channel: "shared" }, cb),
                (result) => result.count === n,
              ),
            ]),
          ),
        );
      await counted(0);
      flushes.length = 0;
      const sender = wsClient(backend);
      const delivered = counted(1);
      await sender.mutation(api.messages.send, { channel: "shared", author: "x", body: "hi" });
      const results = await delivered;
      await sender.close();

      // Each caller still sees its own identity in the per-caller query: nothing leaks.
      expect(results.map(([, perViewer]) => perViewer.viewer)).toEqual(subjects);
      // One run of `count` served all three sockets; `countForViewer` ran once per caller.
      const reruns = flushes.reduce((sum, flush) => sum + flush.reruns, 0);
      expect(reruns).toBe(1 + subjects.length);
    } finally {
      await Promise.all(clients.map((client) => client.close()));
    }
  });
});
