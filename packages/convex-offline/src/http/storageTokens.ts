// Upload tokens and file-URL signatures: HMACs keyed by a secret derived from the admin key,
// so they survive restarts and can't be forged or guessed from sequential storage IDs.
import { createHmac, timingSafeEqual } from "node:crypto";

const UPLOAD_TTL_MS = 60 * 60 * 1000;

export class StorageTokens {
  private readonly secret: Buffer;

  constructor(adminKey: string) {
    this.secret = createHmac("sha256", "convex-offline storage").update(adminKey).digest();
  }

  private mac(text: string): string {
    return createHmac("sha256", this.secret).update(text).digest("base64url");
  }

  private matches(expected: string, presented: string): boolean {
    const a = Buffer.from(expected);
    const b = Buffer.from(presented);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  uploadToken(now = Date.now()): string {
    const expires = String(now + UPLOAD_TTL_MS);
    return `${expires}.${this.mac(`upload:${expires}`)}`;
  }

  checkUploadToken(token: string, now = Date.now()): boolean {
    const [expires = "", mac = ""] = token.split(".");
    if (!this.matches(this.mac(`upload:${expires}`), mac)) return false;
    return Number(expires) > now;
  }

  fileSignature(storageId: string): string {
    return this.mac(`file:${storageId}`);
  }

  checkFileSignature(storageId: string, signature: string): boolean {
    return this.matches(this.fileSignature(storageId), signature);
  }
}
