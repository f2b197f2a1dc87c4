import { createECDH, randomBytes } from "node:crypto";
import { toBase64Url } from "./base64url";

/**
 * A user agent's push subscription keys (what PushSubscription.getKey returns, base64url):
 * `p256dh` is the uncompressed P-256 public key (65 bytes), `auth` the 16-byte auth secret.
 * `privateKey` is what a browser never reveals; the stand-in keeps it to decrypt payloads.
 */
export type SubscriptionKeys = { p256dh: string; auth: string; privateKey: string };

export function generateSubscriptionKeys(): SubscriptionKeys {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return {
    p256dh: toBase64Url(ecdh.getPublicKey()),
    auth: toBase64Url(randomBytes(16)),
    privateKey: toBase64Url(ecdh.getPrivateKey()),
  };
}
