import { createServer, request as httpRequest, type Server } from "node:http";
import { type AddressInfo } from "node:net";
import { afterEach, expect, test } from "vitest";
import WebSocket from "ws";
import { holdUntilReady } from "../src/http/startingGate.js";

let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  server = null;
});

async function listening(): Promise<string> {
  server = createServer();
  await new Promise<void>((done) => server?.listen(0, "127.0.0.1", done));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function upgradeStatus(address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://${address}/api/1.48.0/sync`);
    socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
    socket.on("open", () => {
      socket.close();
      resolve(101);
    });
    socket.on("error", reject);
  });
}

test("answers 503 with Retry-After and refuses upgrades until released, then steps aside", async () => {
  const address = await listening();
  if (server === null) throw new Error("no server");
  const release = holdUntilReady(server);

  const starting = await fetch(`http://${address}/api/query`, { method: "POST" });
  expect(starting.status).toBe(503);
  expect(starting.headers.get("retry-after")).toBe("1");
  expect(await starting.json()).toMatchObject({ code: "BackendStarting" });
  expect(await upgradeStatus(address)).toBe(503);

  release();
  server.on("request", (_request, response) => response.end("ready"));
  const ready = await new Promise<string>((resolve) => {
    httpRequest(`http://${address}/version`, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve(body));
    }).end();
  });
  expect(ready).toBe("ready");
  expect(server.listenerCount("upgrade")).toBe(0);
});
