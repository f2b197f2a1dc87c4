import { createECDH } from "node:crypto";

/**
 * A VAPID key pair for Web Push (RFC 8292), as the Convex push action reads it: the raw P-256
 * public point (65 bytes, what browsers take as applicationServerKey) and the private scalar,
 * both unpadded base64url. Generated per machine, like the other local secrets.
 */
export function generateVapidEnv(subject = "mailto:admin@g3.local"): {
  VAPID_PUBLIC_KEY: string;
  VAPID_PRIVATE_KEY: string;
  VAPID_SUBJECT: string;
} {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return {
    VAPID_PUBLIC_KEY: ecdh.getPublicKey().toString("base64url"),
    VAPID_PRIVATE_KEY: ecdh.getPrivateKey().toString("base64url"),
    VAPID_SUBJECT: subject,
  };
}
