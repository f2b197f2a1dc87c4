// Request body reading with a hard size cap. Oversized bodies are drained (not buffered) so the
// client still gets a clean 413 instead of a reset connection.
import type { IncomingMessage } from "node:http";

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? "0");
  const chunks: Buffer[] = [];
  let total = 0;
  let tooLarge = Number.isFinite(declared) && declared > maxBytes;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    total += buf.length;
    if (total > maxBytes) tooLarge = true;
    if (!tooLarge) chunks.push(buf);
  }
  if (tooLarge) throw new BodyTooLargeError(`body exceeds ${maxBytes} bytes`);
  return Buffer.concat(chunks);
}

export function contentTypeOf(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** Multipart parsing with the platform's own parser (Node 20 undici Response). */
export async function parseMultipart(body: Buffer, contentType: string): Promise<FormData> {
  // A plain ArrayBuffer-backed copy: BodyInit rejects Buffer under the DOM lib some consumers load.
  return new Response(new Uint8Array(body), {
    headers: { "content-type": contentType },
  }).formData();
}
