import { DEMO_IDS } from "@g3/discord-emulator";
import { describe, expect, test } from "vitest";
import { stackPerTest, VIP_ROLE, waitFor, type Stack } from "./harness.js";

/**
 * Mirrored messages mention nobody: a signal that says @everyone, @here, the paid role or a member
 * is copied verbatim, but the mirror sends allowed_mentions { parse: [] } on every create and
 * edit, so the customer guild gets no ping. The emulator honours allowed_mentions as Discord does.
 */

let stack: Stack;

stackPerTest((started) => (stack = started));

const PINGS = `@everyone @here <@&${VIP_ROLE}> <@${DEMO_IDS.customerUser}>`;

async function mirrored(key: string, contains: string) {
  return waitFor(
    async () =>
      (await stack.customerMessages()).find(
        (m) => m.content.includes(key) && m.content.includes(contains),
      ),
    30_000,
    `the mirrored message ${key} showing "${contains}"`,
  );
}

function pingsOf(message: Awaited<ReturnType<typeof mirrored>>) {
  return {
    everyone: message.mention_everyone,
    users: message.mentions.map((user) => user.id),
    roles: message.mention_roles,
  };
}

describe("mentions in mirrored signals", () => {
  test("a create and an edit carrying @everyone, @here, a role and a member ping nobody", async () => {
    await stack.startMirror();
    const messageId = await stack.source.post(`[sig-ping] BTC long 64000 ${PINGS}`);
    const created = await mirrored("[sig-ping]", "BTC long 64000");
    expect(created.content).toContain(PINGS); // copied verbatim…
    expect(pingsOf(created)).toEqual({ everyone: false, users: [], roles: [] }); // …inert

    await stack.source.edit(messageId, `[sig-ping] BTC long 65000 (moved) ${PINGS}`);
    const edited = await mirrored("[sig-ping]", "65000 (moved)");
    expect(edited.id).toBe(created.id);
    expect(pingsOf(edited)).toEqual({ everyone: false, users: [], roles: [] });
  });
});
