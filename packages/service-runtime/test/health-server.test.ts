import { afterEach, expect, test } from "vitest";
import { startHealthServer } from "../src/health-server";

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

test("GET /health answers 200 when ready and 503 otherwise, with the report; other paths 404", async () => {
  let ok = false;
  const server = await startHealthServer(0, () => ({ ok, queue: 3 }));
  servers.push(server);
  const url = `http://127.0.0.1:${server.port}`;

  const starting = await fetch(`${url}/health`);
  expect(starting.status).toBe(503);
  expect(await starting.json()).toEqual({ ok: false, queue: 3 });

  ok = true;
  const ready = await fetch(`${url}/health`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ ok: true, queue: 3 });

  expect((await fetch(`${url}/metrics`)).status).toBe(404);
  expect((await fetch(`${url}/health`, { method: "POST" })).status).toBe(404);
});

test("a query string is ignored, the answer is never cached, and the host can be chosen", async () => {
  const server = await startHealthServer(0, () => ({ ok: true }), { host: "127.0.0.2" });
  servers.push(server);
  const response = await fetch(`http://127.0.0.2:${server.port}/health?probe=1`);
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  await expect(fetch(`http://127.0.0.1:${server.port}/health`)).rejects.toThrow();
});
