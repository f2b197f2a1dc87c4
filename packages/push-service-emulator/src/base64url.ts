// Web Push carries every key and token as unpadded base64url (RFC 8291 §3.2, RFC 8292 §3.2).

export function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64url");
}

/** Decodes base64url (padding tolerated); throws on characters outside the alphabet. */
export function fromBase64Url(text: string): Buffer {
  const unpadded = text.replace(/=+$/, "");
  if (!/^[A-Za-z0-9_-]*$/.test(unpadded)) throw new Error("not base64url");
  return Buffer.from(unpadded, "base64url");
}
