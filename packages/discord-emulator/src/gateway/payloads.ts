import type {
  GatewayGuildCreateDispatchData,
  GatewayGuildMemberAddDispatchData,
  GatewayReadyDispatchData,
} from "discord-api-types/v10";
// READY, GUILD_CREATE and member payloads for one bot.
import { apiApplicationPartial } from "./application-partial.js";
import type { EmulatorCore } from "../core.js";
import { apiChannel, apiGuild, apiMember, apiUser } from "../world/serialize.js";
import type { GuildRecord, MemberRecord } from "../world/types.js";
import type { GatewaySession } from "./session.js";

export function readyPayload(
  core: EmulatorCore,
  session: GatewaySession,
): GatewayReadyDispatchData {
  const world = core.world;
  const bot = world.user(session.botId);
  return {
    v: 10,
    user: { ...apiUser(bot), verified: true, mfa_enabled: false },
    guilds: world.guildsOf(bot.id).map((g) => ({ id: g.id, unavailable: true })),
    session_id: session.id,
    resume_gateway_url: core.gatewayUrl,
    shard: [0, 1],
    application: apiApplicationPartial(session.app),
  };
}

export function guildCreatePayload(
  core: EmulatorCore,
  session: GatewaySession,
  guild: GuildRecord,
): GatewayGuildCreateDispatchData {
  const world = core.world;
  const large = guild.members.size > session.largeThreshold;
  const me = guild.members.get(session.botId);
  const members = large ? (me ? [me] : []) : [...guild.members.values()];
  return {
    ...apiGuild(guild),
    joined_at: me?.joinedAt ?? new Date(0).toISOString(),
    large,
    unavailable: false,
    member_count: guild.members.size,
    voice_states: [],
    members: members.map((m) => apiMember(world, m)),
    channels: guild.channelIds.map((id) => apiChannel(world.channel(id))),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function memberEventPayload(
  core: EmulatorCore,
  member: MemberRecord,
): GatewayGuildMemberAddDispatchData {
  return { ...apiMember(core.world, member), guild_id: member.guildId };
}
