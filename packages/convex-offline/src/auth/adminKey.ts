// The deployment's admin key: `Convex <key>` on HTTP, `Authenticate {tokenType:"Admin"}` on
// the socket, CONVEX_SELF_HOSTED_ADMIN_KEY for `npx convex run`.
import { randomBytes, timingSafeEqual, createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

export function generateAdminKey(): string {
  return `convex-offline|${randomBytes(32).toString("hex")}`;
}

/** Reuses the key stored in the data directory so it survives restarts. */
export function loadOrCreateAdminKey(dataDir: string | null): string {
  if (dataDir === null) return generateAdminKey();
  const file = join(dataDir, "admin_key");
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored !== "") return stored;
  }
  const key = generateAdminKey();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, key + "\n", { mode: 0o600 });
  return key;
}

/** Constant-time comparison (hashing first makes the lengths equal). */
export function adminKeyMatches(expected: string, presented: string): boolean {
  const a = createHash("sha256").update(expected).digest();
  const b = createHash("sha256").update(presented).digest();
  return timingSafeEqual(a, b);
}
