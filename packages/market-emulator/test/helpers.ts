import { WebSocket } from "ws";

export type Frame = {
  stream?: string;
  data?: Record<string, unknown>;
  result?: unknown;
  id?: unknown;
  error?: unknown;
  e?: string;
};

/** A raw client that records every frame, for protocol tests. */
export async function connect(url: string, options: { autoPong?: boolean } = {}) {
  const ws = new WebSocket(url, { autoPong: options.autoPong ?? true });
  const frames: Frame[] = [];
  let closed: { code: number } | undefined;
  ws.on("message", (data: Buffer) => frames.push(JSON.parse(data.toString("utf8")) as Frame));
  ws.on("close", (code) => {
    closed = { code };
  });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  return {
    ws,
    frames,
    closed: () => closed,
    send: (body: unknown) => ws.send(JSON.stringify(body)),
    close: () => ws.close(),
  };
}

export async function until(
  condition: () => boolean,
  timeoutMs = 10_000,
  what = "condition",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
