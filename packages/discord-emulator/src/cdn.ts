// Signed, expiring attachment URLs like Discord's CDN:
//   {base}/attachments/{channel}/{attachment}/{file}?ex=<hex expiry s>&is=<hex issued s>&hm=<hmac>
// Tampered, expired or deleted → 404 "This content is no longer available."
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { AttachmentRecord } from "./world/types.js";

export const CDN_GONE_MESSAGE = "This content is no longer available.";

export class CdnSigner {
  private readonly secret: Buffer;

  constructor(
    private readonly baseUrl: () => string,
    private readonly ttlSeconds: () => number,
    secret?: string,
  ) {
    this.secret = secret ? Buffer.from(secret) : randomBytes(32);
  }

  url(
    attachment: Pick<AttachmentRecord, "channelId" | "id" | "filename">,
    nowMs = Date.now(),
  ): string {
    // `ex` is rounded up so a URL stays valid for at least the TTL (seconds have no fraction).
    const ex = Math.ceil((nowMs + this.ttlSeconds() * 1000) / 1000).toString(16);
    const is = Math.floor(nowMs / 1000).toString(16);
    const path = `/attachments/${attachment.channelId}/${attachment.id}/${encodeURIComponent(attachment.filename)}`;
    return `${this.baseUrl()}${path}?ex=${ex}&is=${is}&hm=${this.mac(path, ex, is)}`;
  }

  /** True when the signature matches and `ex` has not passed. */
  verify(path: string, query: URLSearchParams, nowMs = Date.now()): boolean {
    const ex = query.get("ex");
    const is = query.get("is");
    const hm = query.get("hm");
    if (!ex || !is || !hm || !/^[0-9a-f]{1,12}$/.test(ex) || !/^[0-9a-f]{1,12}$/.test(is))
      return false;
    const expected = Buffer.from(this.mac(path, ex, is));
    const given = Buffer.from(hm);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
    return parseInt(ex, 16) * 1000 > nowMs;
  }

  private mac(path: string, ex: string, is: string): string {
    return createHmac("sha256", this.secret).update(`${path}\n${ex}\n${is}`).digest("hex");
  }
}

const ATTACHMENT_PATH = /^\/attachments\/(\d{17,20})\/(\d{17,20})\/([^/]+)$/;

/** Serves GET/HEAD /attachments/...; returns false when the path is not a CDN path. */
export function serveAttachment(
  method: string,
  url: URL,
  signer: CdnSigner,
  lookup: (attachmentId: string) => AttachmentRecord | undefined,
  res: ServerResponse,
): boolean {
  const match = ATTACHMENT_PATH.exec(url.pathname);
  if (!match) return false;
  const [, channelId, attachmentId, encodedName] = match;
  const attachment = attachmentId ? lookup(attachmentId) : undefined;
  const valid =
    attachment !== undefined &&
    attachment.channelId === channelId &&
    encodeURIComponent(attachment.filename) === encodedName &&
    signer.verify(url.pathname, url.searchParams);
  if (!valid || !attachment) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    res.end(CDN_GONE_MESSAGE);
    return true;
  }
  res.writeHead(200, {
    "content-type": attachment.contentType,
    "content-length": attachment.size,
    "cache-control": "private, max-age=60",
    "x-content-type-options": "nosniff",
    "content-disposition": `inline; filename="${attachment.filename}"`,
  });
  res.end(method === "HEAD" ? undefined : Buffer.from(attachment.bytes));
  return true;
}
