import { Scrypt } from "lucia";

/**
 * Password hashing exactly as Convex Auth's Password provider does it (lucia's Scrypt), so
 * existing accounts keep working and Convex Auth can hash new and changed passwords itself.
 */
export const passwordCrypto = {
  hashSecret: (password: string) => new Scrypt().hash(password),
  verifySecret: (password: string, hash: string) => new Scrypt().verify(hash, password),
};

// A hash of a random string no one knows: checking against it costs what a real check costs.
let decoyHash: Promise<string> | undefined;

/**
 * True when `password` matches `hash`. Without a hash (no such account) it checks against a
 * decoy and answers false, so an unknown address takes as long as a wrong password.
 */
export async function verifyPassword(password: string, hash: string | undefined): Promise<boolean> {
  if (hash !== undefined) return passwordCrypto.verifySecret(password, hash);
  decoyHash ??= passwordCrypto.hashSecret(crypto.randomUUID());
  await passwordCrypto.verifySecret(password, await decoyHash);
  return false;
}
