import type {
  GatewayGuildDeleteDispatchData,
  GatewayGuildMemberRemoveDispatchData,
  GatewayMessageDeleteBulkDispatchData,
  GatewayMessageDeleteDispatchData,
} from "discord-api-types/v10";
// World events → dispatches for every session of every bot in that guild, shaped per bot
// (intents, MessageContent redaction).
import type { EmulatorCore } from "../core.js";
import { apiMessage, apiUser } from "../world/serialize.js";
import type { WorldEvent } from "../world/types.js";
import { Intent } from "./opcodes.js";
import { guildCreatePayload, memberEventPayload } from "./payloads.js";
import type { GatewaySession } from "./session.js";

type Dispatch = { t: string; d: unknown };

function dispatchFor(
  core: EmulatorCore,
  session: GatewaySession,
  event: WorldEvent,
): Dispatch | null {
  const world = core.world;
  switch (event.type) {
    case "messageCreate":
    case "messageUpdate": {
      if (!session.hasIntent(Intent.GuildMessages)) return null;
      const viewer = {
        userId: session.botId,
        hasMessageContent: session.hasIntent(Intent.MessageContent),
      };
      const d = apiMessage(world, core.cdn, event.message, { viewer, dispatch: true });
      return { t: event.type === "messageCreate" ? "MESSAGE_CREATE" : "MESSAGE_UPDATE", d };
    }
    case "messageDelete":
      if (!session.hasIntent(Intent.GuildMessages)) return null;
      return {
        t: "MESSAGE_DELETE",
        d: {
          id: event.messageId,
          channel_id: event.channelId,
          guild_id: event.guildId,
        } satisfies GatewayMessageDeleteDispatchData,
      };
    case "messageDeleteBulk":
      if (!session.hasIntent(Intent.GuildMessages)) return null;
      return {
        t: "MESSAGE_DELETE_BULK",
        d: {
          ids: event.messageIds,
          channel_id: event.channelId,
          guild_id: event.guildId,
        } satisfies GatewayMessageDeleteBulkDispatchData,
      };
    case "memberAdd":
      if (event.member.userId === session.botId)
        return {
          t: "GUILD_CREATE",
          d: guildCreatePayload(core, session, world.guild(event.guildId)),
        };
      if (!session.hasIntent(Intent.GuildMembers)) return null;
      return { t: "GUILD_MEMBER_ADD", d: memberEventPayload(core, event.member) };
    case "memberUpdate":
      if (!session.hasIntent(Intent.GuildMembers) && event.member.userId !== session.botId)
        return null;
      return { t: "GUILD_MEMBER_UPDATE", d: memberEventPayload(core, event.member) };
    case "memberRemove": {
      if (event.userId === session.botId)
        return {
          t: "GUILD_DELETE",
          d: { id: event.guildId } satisfies GatewayGuildDeleteDispatchData,
        };
      if (!session.hasIntent(Intent.GuildMembers)) return null;
      const user = world.users.get(event.userId);
      if (!user) return null;
      const d: GatewayGuildMemberRemoveDispatchData = {
        guild_id: event.guildId,
        user: apiUser(user),
      };
      return { t: "GUILD_MEMBER_REMOVE", d };
    }
  }
}

/** Which sessions receive an event: bots in the guild, plus a bot that was just removed from it. */
function receives(core: EmulatorCore, session: GatewaySession, event: WorldEvent): boolean {
  if (event.type === "memberRemove" && event.userId === session.botId) return true;
  return core.world.guilds.get(event.guildId)?.members.has(session.botId) ?? false;
}

export function fanOut(
  core: EmulatorCore,
  sessions: Iterable<GatewaySession>,
  event: WorldEvent,
): void {
  for (const session of sessions) {
    if (!receives(core, session, event)) continue;
    const dispatch = dispatchFor(core, session, event);
    if (!dispatch) continue;
    const seq = session.dispatch(dispatch.t, dispatch.d);
    core.gatewayLog.push({
      time: new Date().toISOString(),
      botId: session.botId,
      sessionId: session.id,
      kind: "dispatch",
      t: dispatch.t,
      seq,
      detail: { live: session.socket !== null },
    });
  }
}
