// Convex Auth signing keys, as @convex-dev/auth's generateKeys does: an RS256 pair,
// JWT_PRIVATE_KEY = PKCS8 PEM with newlines replaced by spaces, JWKS = {keys:[public JWK]}.
import { exportJWK, exportPKCS8, generateKeyPair } from "jose";

export type AuthKeys = { readonly JWT_PRIVATE_KEY: string; readonly JWKS: string };

export async function generateAuthKeys(): Promise<AuthKeys> {
  const keys = await generateKeyPair("RS256", { extractable: true });
  const privateKey = await exportPKCS8(keys.privateKey);
  const publicKey = await exportJWK(keys.publicKey);
  return {
    JWT_PRIVATE_KEY: privateKey.trimEnd().replace(/\n/g, " "),
    JWKS: JSON.stringify({ keys: [{ use: "sig", ...publicKey }] }),
  };
}
