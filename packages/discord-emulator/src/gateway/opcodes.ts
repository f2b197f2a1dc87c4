import { GatewayIntentBits } from "discord-api-types/v10";
import type { TPrivilegedIntent } from "../world/spec.js";

export const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

export const CloseCode = {
  UnknownError: 4000,
  UnknownOpcode: 4001,
  DecodeError: 4002,
  NotAuthenticated: 4003,
  AuthenticationFailed: 4004,
  AlreadyAuthenticated: 4005,
  InvalidSeq: 4007,
  RateLimited: 4008,
  SessionTimedOut: 4009,
  InvalidShard: 4010,
  ShardingRequired: 4011,
  InvalidApiVersion: 4012,
  InvalidIntents: 4013,
  DisallowedIntents: 4014,
} as const;

export const PRIVILEGED_INTENTS: Record<TPrivilegedIntent, number> = {
  GuildMembers: GatewayIntentBits.GuildMembers,
  GuildPresences: GatewayIntentBits.GuildPresences,
  MessageContent: GatewayIntentBits.MessageContent,
};

export const Intent = GatewayIntentBits;

/** All intent bits Discord defines (anything else → 4013). */
export const ALL_INTENTS = Object.values(GatewayIntentBits)
  .filter((v): v is GatewayIntentBits => typeof v === "number")
  .reduce((acc, bit) => acc | bit, 0);
