// RFC 8291 (Message Encryption for Web Push) over RFC 8188's aes128gcm content coding, decrypted
// the way a user agent does: ECDH with the sender's key from the header, two HKDF steps, then
// AES-128-GCM per record.
import { createDecipheriv, createECDH, hkdfSync } from "node:crypto";
import { fromBase64Url } from "./base64url";
import type { SubscriptionKeys } from "./keys";

const TAG_LENGTH = 16;
const HEADER_FIXED = 16 + 4 + 1; // salt, record size, key id length

export type Aes128gcmHeader = {
  salt: Buffer;
  recordSize: number;
  keyId: Buffer;
  headerLength: number;
};

/** RFC 8188 §2.1: salt (16) | rs (uint32 BE) | idlen (1) | keyid (idlen). */
export function parseHeader(body: Buffer): Aes128gcmHeader {
  if (body.length < HEADER_FIXED) throw new Error("body shorter than the aes128gcm header");
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body.readUInt8(20);
  if (body.length < HEADER_FIXED + idLength) throw new Error("key id runs past the body");
  if (recordSize < TAG_LENGTH + 2) throw new Error(`record size ${recordSize} is too small`);
  return {
    salt,
    recordSize,
    keyId: body.subarray(HEADER_FIXED, HEADER_FIXED + idLength),
    headerLength: HEADER_FIXED + idLength,
  };
}

function hkdf(ikm: Buffer, salt: Buffer, info: Buffer, length: number): Buffer {
  return Buffer.from(hkdfSync("sha256", ikm, salt, info, length));
}

/** The sender's public key is the key id (RFC 8291 §4): 65 bytes, uncompressed P-256. */
export function decryptAes128gcm(
  body: Buffer,
  keys: Pick<SubscriptionKeys, "p256dh" | "auth" | "privateKey">,
): Buffer {
  const { salt, recordSize, keyId, headerLength } = parseHeader(body);
  if (keyId.length !== 65 || keyId[0] !== 0x04) {
    throw new Error("key id is not an uncompressed P-256 public key");
  }
  const receiver = createECDH("prime256v1");
  receiver.setPrivateKey(fromBase64Url(keys.privateKey));
  const receiverPublic = fromBase64Url(keys.p256dh);
  const ecdhSecret = receiver.computeSecret(keyId);
  // RFC 8291 §3.4: IKM = HKDF(auth_secret, ecdh_secret, "WebPush: info" 0x00 ua_public as_public, 32)
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), receiverPublic, keyId]);
  const ikm = hkdf(ecdhSecret, fromBase64Url(keys.auth), keyInfo, 32);
  // RFC 8188 §2.2–2.3: the content encryption key and the nonce base come from the salt.
  const cek = hkdf(ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16);
  const nonceBase = hkdf(ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12);

  const records = body.subarray(headerLength);
  if (records.length === 0) throw new Error("no ciphertext");
  const parts: Buffer[] = [];
  for (let seq = 0, offset = 0; offset < records.length; seq++, offset += recordSize) {
    const record = records.subarray(offset, Math.min(offset + recordSize, records.length));
    const isLast = offset + recordSize >= records.length;
    if (record.length <= TAG_LENGTH) throw new Error(`record ${seq} is too short`);
    const nonce = Buffer.from(nonceBase);
    // The record's sequence number is XORed into the nonce's low bytes (RFC 8188 §2.3); a push
    // body is at most 4 KiB, so the sequence fits the last four.
    nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ seq) >>> 0, 8);
    const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
    decipher.setAuthTag(record.subarray(record.length - TAG_LENGTH));
    const padded = Buffer.concat([
      decipher.update(record.subarray(0, record.length - TAG_LENGTH)),
      decipher.final(),
    ]);
    parts.push(unpad(padded, isLast, seq));
  }
  return Buffer.concat(parts);
}

/** Strips the zero padding and the delimiter: 0x02 ends the last record, 0x01 every other. */
function unpad(padded: Buffer, isLast: boolean, seq: number): Buffer {
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (end < 0) throw new Error(`record ${seq} has no delimiter`);
  const expected = isLast ? 0x02 : 0x01;
  if (padded[end] !== expected) throw new Error(`record ${seq} has the wrong delimiter`);
  return padded.subarray(0, end);
}
