import { appError } from "../shared/errors";
import type { Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { constantTimeEqual } from "../shared/constantTime";
import { pkceChallenge, randomToken, sha256Hex } from "./discordLinkCrypto";

/** An OAuth2 link attempt is valid this long after `start`. */
export const LINK_STATE_TTL_MS = 10 * 60_000;
/** Older attempts of the same user beyond this many are dropped on `start`. */
const MAX_OPEN_STATES_PER_USER = 5;

/**
 * Creates one link attempt: a random `state` (only its SHA-256 is stored) and a PKCE verifier.
 * Also prunes the user's used, expired and surplus attempts so the table stays bounded.
 */
export async function createLinkState(
  ctx: MutationCtx,
  userId: Id<"users">,
): Promise<{ state: string; codeChallenge: string; expiresAt: number }> {
  const now = Date.now();
  const previous = await ctx.db
    .query("discordLinkStates")
    .withIndex("by_user", (q) => q.eq("userId", userId))
    .order("desc")
    .take(50);
  let open = 0;
  for (const row of previous) {
    const live = row.usedAt === undefined && row.expiresAt > now;
    if (live && open < MAX_OPEN_STATES_PER_USER - 1) {
      open++;
      continue;
    }
    await ctx.db.delete("discordLinkStates", row._id);
  }
  const state = randomToken(32);
  const codeVerifier = randomToken(48); // 64 characters, within RFC 7636's 43–128
  const expiresAt = now + LINK_STATE_TTL_MS;
  await ctx.db.insert("discordLinkStates", {
    stateHash: await sha256Hex(state),
    userId,
    codeVerifier,
    expiresAt,
  });
  return { state, codeChallenge: await pkceChallenge(codeVerifier), expiresAt };
}

/**
 * Checks and burns a state before any code exchange: it must exist (hash compared in constant
 * time), belong to the signed-in user, be unused and unexpired. Returns the PKCE verifier.
 * A state presented by another user is not burned (that user cannot have obtained it honestly, and
 * burning it would let them cancel the owner's attempt).
 */
export async function consumeLinkState(
  ctx: MutationCtx,
  args: { stateHash: string; userId: Id<"users"> },
): Promise<string> {
  const row = await ctx.db
    .query("discordLinkStates")
    .withIndex("by_state_hash", (q) => q.eq("stateHash", args.stateHash))
    .unique();
  if (row === null || !constantTimeEqual(row.stateHash, args.stateHash)) {
    throw appError("INVALID_STATE", "This Discord link request is not valid. Start linking again.");
  }
  if (row.userId !== args.userId) {
    throw appError(
      "STATE_OTHER_USER",
      "This Discord link request was started by another account. Start linking again while signed in.",
    );
  }
  if (row.usedAt !== undefined) {
    throw appError(
      "STATE_USED",
      "This Discord link request was already used. Start linking again.",
    );
  }
  const now = Date.now();
  if (row.expiresAt <= now) {
    throw appError("STATE_EXPIRED", "This Discord link request expired. Start linking again.");
  }
  await ctx.db.patch("discordLinkStates", row._id, { usedAt: now });
  return row.codeVerifier;
}
