// Request bodies of the control API (zod), shared by the server and the typed ControlClient.
import { z } from "zod";
import { ZGatewayFaultInput, ZRestFaultInput } from "../faults.js";
import { ZOAuthConsent, ZRateLimitSettings } from "../world/spec.js";

const Snowflake = z.string().regex(/^\d{17,20}$/, "must be a snowflake");

export const ZControlFile = z.object({
  filename: z.string().min(1).max(255),
  /** File bytes, base64. */
  dataBase64: z.string(),
  description: z.string().max(1024).optional(),
});

export const ZControlPostMessage = z.object({
  authorId: Snowflake,
  content: z.string().max(2000).default(""),
  embeds: z.array(z.looseObject({})).max(10).default([]),
  attachments: z.array(ZControlFile).max(10).default([]),
  /** Makes the message a reply (message_reference) to this message in the same channel. */
  replyTo: Snowflake.optional(),
  nonce: z.string().max(25).optional(),
});

export const ZControlEditMessage = z.object({
  content: z.string().max(2000).optional(),
  embeds: z.array(z.looseObject({})).max(10).optional(),
  /** Existing attachment ids to keep; omitted = keep all. */
  keepAttachmentIds: z.array(Snowflake).optional(),
  attachments: z.array(ZControlFile).max(10).default([]),
});

export const ZControlTouchMessage = z.object({ flags: z.number().int().nonnegative().optional() });

/** History as if posted long ago (no dispatch), oldest first; see World.seedHistory. */
export const ZControlSeedHistory = z
  .object({
    authorId: Snowflake,
    messages: z
      .array(
        z.object({
          content: z.string().min(1).max(2000),
          authorId: Snowflake.optional(),
          /** Makes it a reply to an earlier message of this request (its index). */
          replyToIndex: z.number().int().nonnegative().optional(),
        }),
      )
      .min(1)
      .max(20_000),
    spacingMs: z.number().int().min(1).max(86_400_000).default(60_000),
    /** The last message is posted `spacingMs` before this (default: the channel's oldest message, or now). */
    endAt: z.number().int().positive().optional(),
  })
  .superRefine((input, ctx) => {
    for (const [index, message] of input.messages.entries())
      if (message.replyToIndex !== undefined && message.replyToIndex >= index)
        ctx.addIssue({
          code: "custom",
          path: ["messages", index, "replyToIndex"],
          message: "must point at an earlier message",
        });
  });

export const ZControlBulkDelete = z.object({ messageIds: z.array(Snowflake).min(1).max(100) });

export const ZControlRoleChange = z.object({ reason: z.string().max(512).optional() });

export const ZControlAddMember = z.object({
  userId: Snowflake,
  roles: z.array(Snowflake).default([]),
  nick: z.string().max(32).nullable().default(null),
});

export const ZControlSettingsPatch = z
  .object({
    heartbeatIntervalMs: z.number().int().positive(),
    cdnTtlSeconds: z.number().int().positive(),
    maxFileBytes: z.number().int().positive(),
    maxRequestBytes: z.number().int().positive(),
    nonceWindowMs: z.number().int().positive(),
    resumeBufferSize: z.number().int().positive(),
    sessionTtlMs: z.number().int().positive(),
    rateLimits: ZRateLimitSettings.partial(),
  })
  .partial()
  .strict();

export const ZControlGatewayAction = z.discriminatedUnion("action", [
  z.object({ action: z.literal("reconnect"), botId: Snowflake.optional() }),
  z.object({
    action: z.literal("invalid_session"),
    resumable: z.boolean(),
    botId: Snowflake.optional(),
  }),
  z.object({
    action: z.literal("close"),
    code: z.number().int().min(1000).max(4999),
    botId: Snowflake.optional(),
  }),
  z.object({ action: z.literal("drop"), botId: Snowflake.optional() }),
]);

export const ZControlConsent = ZOAuthConsent;
export { ZGatewayFaultInput, ZRestFaultInput };

export type TControlPostMessage = z.input<typeof ZControlPostMessage>;
export type TControlSeedHistory = z.input<typeof ZControlSeedHistory>;
export type TControlEditMessage = z.input<typeof ZControlEditMessage>;
export type TControlAddMember = z.input<typeof ZControlAddMember>;
export type TControlSettingsPatch = z.input<typeof ZControlSettingsPatch>;
export type TControlGatewayAction = z.input<typeof ZControlGatewayAction>;
export type TControlConsent = z.input<typeof ZControlConsent>;
export type TControlFile = z.input<typeof ZControlFile>;
