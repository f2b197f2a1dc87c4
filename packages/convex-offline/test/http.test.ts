import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { ConvexHttpClient } from "convex/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, internal } from "./fixture-app/convex/_generated/api.js";
import { adminClient as typedAdminClient } from "../src/adminClient.js";
import { type Backend } from "../src/backend.js";
import { FIXTURE_DIR, eventually, httpClient, startFixture, wsClient } from "./helpers.js";

// ConvexHttpClient's admin methods are marked internal in its types (`npx convex run` uses them).
type AdminHttpClient = {
  setAdminAuth(key: string, actingAs?: Record<string, unknown>): void;
  function(
    ref: unknown,
    componentPath: string | undefined,
    args: Record<string, unknown>,
  ): Promise<unknown>;
};
function adminClient(url: string, key: string): AdminHttpClient {
  const client = new ConvexHttpClient(url) as unknown as AdminHttpClient;
  client.setAdminAuth(key);
  return client;
}

let backend: Backend;
beforeAll(async () => {
  backend = await startFixture();
});
afterAll(async () => {
  await backend.close();
});

describe("HTTP API and visibility", () => {
  it("refuses internal functions to public callers, over HTTP and the socket", async () => {
    const http = httpClient(backend);
    const args = { channel: "internal", body: "x" };
    const internalRef = internal.messages.sendInternal as unknown as typeof api.messages.send;
    await expect(http.mutation(internalRef, { ...args, author: "" })).rejects.toThrow(
      /Could not find public function/,
    );
    const client = wsClient(backend);
    try {
      await expect(client.mutation(internalRef, { ...args, author: "" })).rejects.toThrow(
        /Could not find public function/,
      );
    } finally {
      await client.close();
    }
  });

  it("adminClient calls internal functions with the admin key, and a wrong key is refused", async () => {
    const admin = typedAdminClient(backend.url, backend.adminKey);
    const id = await admin.mutation(internal.messages.sendInternal, {
      channel: "typed-admin",
      body: "typed",
    });
    expect(typeof id).toBe("string");
    expect(await admin.query(api.messages.count, { channel: "typed-admin" })).toBe(1);
    const impostor = typedAdminClient(backend.url, "convex-offline|not-the-key");
    await expect(
      impostor.mutation(internal.messages.sendInternal, { channel: "typed-admin", body: "no" }),
    ).rejects.toThrow(/messages:sendInternal failed/);
    expect(await admin.query(api.messages.count, { channel: "typed-admin" })).toBe(1);
  });

  it("allows internal functions with the admin key (HTTP /api/function)", async () => {
    const admin = adminClient(backend.url, backend.adminKey);
    const id = await admin.function(internal.messages.sendInternal, undefined, {
      channel: "admin",
      body: "by admin",
    });
    expect(typeof id).toBe("string");
    expect(await httpClient(backend).query(api.messages.count, { channel: "admin" })).toBe(1);
  });

  it("lets the admin key impersonate a user (npx convex run --identity)", async () => {
    const admin = new ConvexHttpClient(backend.url) as unknown as AdminHttpClient;
    admin.setAdminAuth(backend.adminKey, { subject: "user-42", issuer: "https://issuer.test" });
    expect(await admin.function(api.messages.whoami, undefined, {})).toBe("user-42");
  });

  it("rejects a wrong admin key", async () => {
    const admin = adminClient(backend.url, "convex-offline|wrong");
    await expect(
      admin.function(internal.messages.sendInternal, undefined, { channel: "x", body: "y" }),
    ).rejects.toThrow(/admin key/);
  });

  it("runs `npx convex run` against the backend", async () => {
    const bin = join(FIXTURE_DIR, "..", "..", "..", "node_modules", ".bin", "convex");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CONVEX_SELF_HOSTED_URL: backend.url,
      CONVEX_SELF_HOSTED_ADMIN_KEY: backend.adminKey,
    };
    delete env.CONVEX_DEPLOYMENT;
    const { stdout } = await promisify(execFile)(
      bin,
      ["run", "messages:sendInternal", JSON.stringify({ channel: "cli", body: "from cli" })],
      { cwd: join(FIXTURE_DIR, ".."), env },
    );
    expect(stdout).toMatch(/messages/);
    expect(await httpClient(backend).query(api.messages.count, { channel: "cli" })).toBe(1);
  });

  it("serves HTTP actions that call mutations", async () => {
    const response = await fetch(`${backend.siteUrl}/post`, {
      method: "POST",
      body: JSON.stringify({ channel: "site", body: "via http action" }),
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { id: string }).id).toMatch(/messages$/);
    expect(await httpClient(backend).query(api.messages.count, { channel: "site" })).toBe(1);
    expect((await fetch(`${backend.siteUrl}/nope`)).status).toBe(404);
  });

  it("returns console output of functions as log lines", async () => {
    const response = await fetch(`${backend.url}/api/query`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ path: "messages:noisy", args: [{}], format: "convex_encoded_json" }),
    });
    const body = (await response.json()) as { value: string; logLines: string[] };
    expect(body.value).toBe("done");
    expect(body.logLines).toEqual(["[LOG] hello from a query { n: 1 }", "[WARN] careful"]);
  });

  it("answers health and unknown functions clearly", async () => {
    const health = (await (await fetch(`${backend.url}/version`)).json()) as { status: string };
    expect(health.status).toBe("ok");
    await expect(
      httpClient(backend).query("nope:missing" as unknown as typeof api.messages.count, {
        channel: "",
      }),
    ).rejects.toThrow("Could not find public function for 'nope:missing'.");
  });
});

describe("file storage", () => {
  it("uploads through an upload URL, serves the bytes with their content type, and reports metadata", async () => {
    const http = httpClient(backend);
    const uploadUrl = await http.mutation(api.files.uploadUrl, {});
    expect(uploadUrl.startsWith(backend.url)).toBe(true);
    const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const upload = await fetch(uploadUrl, {
      method: "POST",
      headers: { "Content-Type": "image/png" },
      body: bytes,
    });
    expect(upload.status).toBe(200);
    const { storageId } = (await upload.json()) as { storageId: string };
    await http.mutation(api.files.save, { storageId: storageId as never });
    const url = await http.query(api.files.url, { storageId: storageId as never });
    expect(url).not.toBeNull();
    const download = await fetch(url ?? "");
    expect(download.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
    expect(await http.query(api.files.metadata, { storageId: storageId as never })).toEqual({
      size: 7,
      contentType: "image/png",
    });
    const forged = await fetch(`${backend.url}/api/storage/${storageId}`);
    expect(forged.status).toBe(404);
    const badUpload = await fetch(`${backend.url}/api/storage/upload?token=1.abc`, {
      method: "POST",
      body: "x",
    });
    expect(badUpload.status).toBe(401);
  });

  it("never serves active content from its origin: HTML and SVG are sandboxed downloads, no sniffing", async () => {
    const http = httpClient(backend);
    const served = async (contentType: string, body: string) => {
      const uploadUrl = await http.mutation(api.files.uploadUrl, {});
      const upload = await fetch(uploadUrl, {
        method: "POST",
        headers: { "Content-Type": contentType },
        body,
      });
      const { storageId } = (await upload.json()) as { storageId: string };
      await http.mutation(api.files.save, { storageId: storageId as never });
      const url = await http.query(api.files.url, { storageId: storageId as never });
      return fetch(url ?? "");
    };
    for (const [type, body] of [
      ["text/html", "<script>alert(document.cookie)</script>"],
      ["image/svg+xml", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
      ["text/plain", "<html><script>alert(1)</script></html>"],
    ] as const) {
      const response = await served(type, body);
      expect(response.headers.get("content-type")).toBe("application/octet-stream");
      expect(response.headers.get("content-disposition")).toBe("attachment");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");
      expect(await response.text()).toBe(body);
    }
    const png = await served("image/png", "png bytes");
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(png.headers.get("content-disposition")).toBeNull();
    expect(png.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("stores and reads blobs from actions", async () => {
    const result = await httpClient(backend).action(api.files.storeText, { text: "hello storage" });
    expect(result.roundTrip).toBe("hello storage");
  });
});

describe("scheduler and crons", () => {
  it("fires scheduled functions unaided, including nested scheduling, and records them", async () => {
    const http = httpClient(backend);
    await http.mutation(api.jobs.start, { tag: "nested", depth: 2, delayMs: 50 });
    const events = await eventually(
      () => http.query(api.jobs.events, { kind: "job" }),
      (e) => e.filter((d) => d.startsWith("nested:")).length === 3,
    );
    expect(events.filter((d) => d.startsWith("nested:"))).toEqual([
      "nested:2",
      "nested:1",
      "nested:0",
    ]);
    const jobs = await eventually(
      () => http.query(api.jobs.scheduled, {}),
      (j) => j.filter((job) => job.name === "jobs:step" && job.state === "success").length === 3,
    );
    expect(jobs.filter((job) => job.name === "jobs:step")).toHaveLength(3);
  });

  it("runs interval crons", async () => {
    const http = httpClient(backend);
    const ticks = await eventually(
      () => http.query(api.jobs.events, { kind: "tick" }),
      (t) => t.length >= 2,
      5000,
    );
    expect(ticks.length).toBeGreaterThanOrEqual(2);
  });
});
