// The world spec: everything a world starts with. Validated with zod at every entry point
// (startEmulator, the CLI's world file, PUT /_control/world).
import { z } from "zod";

const ZSnowflake = z.string().regex(/^\d{17,20}$/, "must be a 17–20 digit snowflake");

export const ZRouteLimit = z.strictObject({
  limit: z.number().int().positive(),
  windowMs: z.number().int().positive(),
});

export const ZRateLimitSettings = z.strictObject({
  enabled: z.boolean().default(true),
  /** Requests per second per bot token (Discord: 50). */
  globalPerSecond: z.number().int().positive().default(50),
  /** Per-route overrides keyed by "METHOD /route/:template" (see README). */
  routes: z.record(z.string(), ZRouteLimit).default({}),
});

export const ZSettings = z.strictObject({
  heartbeatIntervalMs: z.number().int().positive().default(41_250),
  cdnTtlSeconds: z.number().int().positive().default(86_400),
  maxFileBytes: z
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  maxRequestBytes: z
    .number()
    .int()
    .positive()
    .default(25 * 1024 * 1024),
  nonceWindowMs: z
    .number()
    .int()
    .positive()
    .default(5 * 60_000),
  /** How many dispatches a gateway session keeps for RESUME replay. */
  resumeBufferSize: z.number().int().positive().default(5_000),
  /** How long a disconnected session stays resumable. */
  sessionTtlMs: z
    .number()
    .int()
    .positive()
    .default(5 * 60_000),
  rateLimits: ZRateLimitSettings.default({ enabled: true, globalPerSecond: 50, routes: {} }),
});

export const ZUserSpec = z.strictObject({
  id: ZSnowflake,
  username: z.string().min(2).max(32),
  globalName: z.string().max(32).nullable().default(null),
  email: z.string().email().optional(),
});

export const ZPrivilegedIntent = z.enum(["GuildMembers", "GuildPresences", "MessageContent"]);

export const ZApplicationSpec = z.strictObject({
  id: ZSnowflake,
  name: z.string().min(1),
  /** The bot user; its id is what `client.user.id` will be. */
  bot: z.strictObject({
    id: ZSnowflake,
    username: z.string().min(2).max(32),
    token: z.string().min(10),
  }),
  /** Env var name printed by the CLI so apps know which variable to set. */
  tokenEnvVar: z.string().optional(),
  clientSecret: z.string().min(8),
  redirectUris: z.array(z.string().url()).default([]),
  privilegedIntents: z.array(ZPrivilegedIntent).default([]),
});

export const ZRoleSpec = z.strictObject({
  id: ZSnowflake,
  name: z.string().min(1),
  position: z.number().int().nonnegative(),
  /** Permission bitfield as a decimal string, as Discord sends it. */
  permissions: z.string().regex(/^\d+$/),
  color: z.number().int().nonnegative().default(0),
  hoist: z.boolean().default(false),
  mentionable: z.boolean().default(false),
  /** Set on a bot's managed role. */
  botId: ZSnowflake.optional(),
});

export const ZSeedMessageSpec = z.strictObject({
  id: ZSnowflake.optional(),
  authorId: ZSnowflake,
  content: z.string().max(2000),
});

export const ZChannelSpec = z.strictObject({
  id: ZSnowflake,
  name: z.string().min(1).max(100),
  /** 0 text, 2 voice, 4 category, 5 announcement. */
  type: z.union([z.literal(0), z.literal(2), z.literal(4), z.literal(5)]).default(0),
  parentId: ZSnowflake.nullable().default(null),
  position: z.number().int().nonnegative().default(0),
  topic: z.string().nullable().default(null),
  messages: z.array(ZSeedMessageSpec).default([]),
});

export const ZMemberSpec = z.strictObject({
  userId: ZSnowflake,
  roles: z.array(ZSnowflake).default([]),
  nick: z.string().nullable().default(null),
});

export const ZGuildSpec = z.strictObject({
  id: ZSnowflake,
  name: z.string().min(2).max(100),
  ownerId: ZSnowflake,
  /** Permissions of @everyone (role id = guild id). Default: view, send, read history, attach. */
  everyonePermissions: z.string().regex(/^\d+$/).default("117825"),
  roles: z.array(ZRoleSpec).default([]),
  channels: z.array(ZChannelSpec).default([]),
  members: z.array(ZMemberSpec).default([]),
});

export const ZOAuthConsent = z.strictObject({
  userId: ZSnowflake,
  decision: z.enum(["allow", "deny"]).default("allow"),
});

export const ZWorldSpec = z
  .strictObject({
    settings: ZSettings.default(ZSettings.parse({})),
    users: z.array(ZUserSpec).default([]),
    applications: z.array(ZApplicationSpec).default([]),
    guilds: z.array(ZGuildSpec).default([]),
    oauth2: ZOAuthConsent.optional(),
  })
  .superRefine((spec, ctx) => {
    const userIds = new Set(spec.users.map((u) => u.id));
    for (const app of spec.applications) userIds.add(app.bot.id);
    const tokens = new Set<string>();
    for (const [i, app] of spec.applications.entries()) {
      if (tokens.has(app.bot.token))
        ctx.addIssue({
          code: "custom",
          path: ["applications", i, "bot", "token"],
          message: "duplicate bot token",
        });
      tokens.add(app.bot.token);
    }
    for (const [gi, guild] of spec.guilds.entries()) {
      const roleIds = new Set([guild.id, ...guild.roles.map((r) => r.id)]);
      if (!userIds.has(guild.ownerId))
        ctx.addIssue({ code: "custom", path: ["guilds", gi, "ownerId"], message: "unknown user" });
      for (const [mi, member] of guild.members.entries()) {
        if (!userIds.has(member.userId))
          ctx.addIssue({
            code: "custom",
            path: ["guilds", gi, "members", mi, "userId"],
            message: "unknown user",
          });
        for (const role of member.roles)
          if (!roleIds.has(role))
            ctx.addIssue({
              code: "custom",
              path: ["guilds", gi, "members", mi, "roles"],
              message: `unknown role ${role}`,
            });
      }
      for (const [ci, channel] of guild.channels.entries())
        for (const [si, message] of channel.messages.entries())
          if (!userIds.has(message.authorId))
            ctx.addIssue({
              code: "custom",
              path: ["guilds", gi, "channels", ci, "messages", si, "authorId"],
              message: "unknown user",
            });
    }
    if (spec.oauth2 && !spec.users.some((u) => u.id === spec.oauth2?.userId))
      ctx.addIssue({ code: "custom", path: ["oauth2", "userId"], message: "unknown user" });
  });

export type TWorldSpecInput = z.input<typeof ZWorldSpec>;
export type TWorldSpec = z.output<typeof ZWorldSpec>;
export type TSettings = z.output<typeof ZSettings>;
export type TRateLimitSettings = z.output<typeof ZRateLimitSettings>;
export type TApplicationSpec = z.output<typeof ZApplicationSpec>;
export type TPrivilegedIntent = z.output<typeof ZPrivilegedIntent>;

export function parseWorldSpec(input: unknown): TWorldSpec {
  return ZWorldSpec.parse(input);
}
