import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { CSV_MAX_BYTES, csvFileProblem, uploadCsv } from "./csv-upload";

describe("csvFileProblem", () => {
  test("accepts a .csv up to 10 MB; refuses empty, too large or another kind of file", () => {
    expect(csvFileProblem({ name: "orders.CSV", size: 120 })).toBeNull();
    expect(csvFileProblem({ name: "orders.csv", size: CSV_MAX_BYTES })).toBeNull();
    expect(csvFileProblem({ name: "orders.csv", size: 0 })).toMatch(/empty/);
    expect(csvFileProblem({ name: "orders.csv", size: CSV_MAX_BYTES + 1 })).toMatch(/10 MB/);
    expect(csvFileProblem({ name: "orders.xlsx", size: 120 })).toMatch(/\.csv/);
  });
});

describe("uploadCsv", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  /** A stand-in upload endpoint answering `status` and `body`; records what it received. */
  async function endpoint(status: number, body: string) {
    const received: { type?: string; text: string }[] = [];
    server = createServer((request, response) => {
      let text = "";
      request.on("data", (chunk: Buffer) => (text += chunk.toString()));
      request.on("end", () => {
        received.push({ type: request.headers["content-type"], text });
        response.writeHead(status, { "Content-Type": "application/json" }).end(body);
      });
    });
    await new Promise<void>((ready) => server?.listen(0, "127.0.0.1", ready));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}/api/storage/upload?token=t`, received };
  }

  test("posts the bytes as CSV and returns the storage id", async () => {
    const { url, received } = await endpoint(200, JSON.stringify({ storageId: "kg2abc" }));
    expect(await uploadCsv(url, new Blob(["id,status,email\n"]))).toBe("kg2abc");
    expect(received).toEqual([{ type: "text/csv", text: "id,status,email\n" }]);
  });

  test("a refused upload or an answer without a storage id is an error that says so", async () => {
    const refused = await endpoint(400, JSON.stringify({ error: "expired" }));
    await expect(uploadCsv(refused.url, new Blob(["x"]))).rejects.toThrow(/HTTP 400/);
    await new Promise<void>((done) => server?.close(() => done()));
    const odd = await endpoint(200, JSON.stringify({ id: 1 }));
    await expect(uploadCsv(odd.url, new Blob(["x"]))).rejects.toThrow(/storage id/);
  });
});
