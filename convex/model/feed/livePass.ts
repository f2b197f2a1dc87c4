import { v, type Infer } from "convex/values";
import { constantTimeEqual } from "../shared/constantTime";
import { derivedHmacHex } from "../shared/derivedHmac";

/**
 * A live pass lets a client subscribe to one tier's live feed without the query reading who
 * the client is: every reader of a tier holds the same pass in the same window, so the backend
 * evaluates the live feed once per tier and change instead of once per viewer. It is issued by
 * an authenticated mutation that runs the access gate (`feed.livePass`) and names the tier's
 * pass epoch (model/feed/livePassEpoch.ts): any loss of access in the tier bumps the epoch, and
 * `feed.live` refuses passes of an older epoch, so revocation reaches every pass within one
 * query re-run. It is also valid only for the rest of the window it was issued in plus one more
 * (30 to 60 s): a pass handed to someone else dies soon after the payer stops renewing it.
 */
export const LIVE_PASS_WINDOW_MS = 30_000;

export const vLivePass = v.object({
  tierKey: v.string(),
  /** The tier's pass epoch when issued; a bump (someone lost access) invalidates the pass. */
  epoch: v.number(),
  expiresAt: v.number(),
  signature: v.string(),
});

export type LivePass = Infer<typeof vLivePass>;

/** When a pass issued at `now` expires: the end of the next window (same for every issuer). */
export function livePassExpiry(now: number): number {
  return (Math.floor(now / LIVE_PASS_WINDOW_MS) + 2) * LIVE_PASS_WINDOW_MS;
}

export async function issueLivePass(
  tierKey: string,
  epoch: number,
  now: number,
): Promise<LivePass> {
  const expiresAt = livePassExpiry(now);
  return { tierKey, epoch, expiresAt, signature: await sign(tierKey, epoch, expiresAt) };
}

export type LivePassCheck = "valid" | "expired" | "invalid";

/**
 * Checks a pass's signature (constant time) and expiry; never reads the caller's identity.
 * The epoch is checked by the caller against the database (`currentPassEpoch`).
 */
export async function checkLivePass(pass: LivePass, now: number): Promise<LivePassCheck> {
  const expected = await sign(pass.tierKey, pass.epoch, pass.expiresAt);
  if (!constantTimeEqual(expected, pass.signature)) return "invalid";
  return now < pass.expiresAt ? "valid" : "expired";
}

function sign(tierKey: string, epoch: number, expiresAt: number): Promise<string> {
  return derivedHmacHex(
    "g3 live feed pass key",
    `live-pass/v2\n${tierKey}\n${epoch}\n${expiresAt}`,
  );
}
