// Finding 9: a live pass (feed.livePass → feed.live) taken before an order.disputed kept returning
// new signals for 107 s, and worked from an anonymous client. Expected: a pass gives nothing to a
// client that is not its holder, and revocation reaches the live feed within 15 s.
import { expect, test } from "vitest";
import { buyAccess, disputeAccess, freshEmail, makeActor, signUpVerified } from "../src/actors.js";
import { suiteStack } from "../src/context.js";
import { api, httpClient, outcome } from "../src/convex.js";
import { postMarkedSignal } from "../src/signals.js";
import { uniqueName } from "../src/world.js";

const stack = suiteStack();
const REVOCATION_TARGET_MS = 15_000;

async function passFor(token: string) {
  const issued = await httpClient(stack, token).mutation(api.feed.livePass, {});
  if (issued.locked) throw new Error(`a paying member got no live pass (${issued.reason})`);
  return issued.pass;
}

function liveText(result: { ok: boolean }): string {
  return JSON.stringify(result);
}

test("a live pass taken by a member gives an anonymous client no signals", async () => {
  const member = await makeActor(stack, "paid", "f09-share");
  if (member.token === null) throw new Error("no token");
  const text = uniqueName("f09-shared");
  await postMarkedSignal(stack, text);
  const pass = await passFor(member.token);
  const own = await httpClient(stack, member.token).query(api.feed.live, { pass });
  expect(liveText(own), "the member's own live feed lacks the new signal").toContain(text);
  const anonymous = await outcome(() => httpClient(stack).query(api.feed.live, { pass }));
  expect(
    anonymous.ok ? liveText(anonymous.value) : "refused",
    "an anonymous client holding a member's pass reads the live feed",
  ).not.toContain(text);
});

test(`after a dispute, the pass-holder gets no new signal ${REVOCATION_TARGET_MS / 1000} s later`, async () => {
  const email = freshEmail("f09-dispute");
  const token = await signUpVerified(stack, email);
  const order = await buyAccess(stack, email, token);
  const pass = await passFor(token);
  const holder = httpClient(stack, token);

  const disputedAt = Date.now();
  await disputeAccess(stack, order, token);
  const wait = disputedAt + REVOCATION_TARGET_MS - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));

  const text = uniqueName("f09-after-dispute");
  await postMarkedSignal(stack, text);
  const seen = await outcome(() => holder.query(api.feed.live, { pass }));
  expect(
    seen.ok ? liveText(seen.value) : "refused",
    `${Date.now() - disputedAt} ms after the dispute, a pass taken before it still returns new signals`,
  ).not.toContain(text);
});
