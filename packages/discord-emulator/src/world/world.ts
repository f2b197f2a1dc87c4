// A running world: users, bot applications, guilds with roles/channels/members, and messages.
// Every mutation emits a WorldEvent; the gateway turns those into per-bot dispatches.
import { createHash } from "node:crypto";
import { sniffContentType } from "../content-type.js";
import { Errors, formErrors } from "../errors.js";
import { SnowflakeGenerator, snowflakeFrom, snowflakeTimestampMs } from "../snowflake.js";
import { guildFromSpec } from "./guild-from-spec.js";
import { type AllowedMentions, parseMentions, sanitizeFilename } from "./message-parts.js";
import { MessageLog } from "./message-log.js";
import type { TSettings, TWorldSpec } from "./spec.js";
import type {
  ApplicationRecord,
  AttachmentRecord,
  ChannelRecord,
  GuildRecord,
  MemberRecord,
  MessageRecord,
  MessageReference,
  UserRecord,
  WorldEvent,
} from "./types.js";

export type NewFile = { filename: string; bytes: Uint8Array; description?: string | null };

export type CreateMessageInput = {
  channelId: string;
  authorId: string;
  content?: string;
  embeds?: MessageRecord["embeds"];
  files?: NewFile[];
  nonce?: string | number | null;
  enforceNonce?: boolean;
  reference?: { messageId: string; channelId?: string; failIfNotExists?: boolean } | null;
  flags?: number;
  tts?: boolean;
  /** Which mentions in the content ping; absent = Discord's default (all of them). */
  allowedMentions?: AllowedMentions | null;
};

export type EditMessageInput = {
  content?: string | null;
  embeds?: MessageRecord["embeds"] | null;
  /** When set, only these existing attachment ids are kept. */
  keepAttachmentIds?: string[];
  files?: NewFile[];
  flags?: number;
  /** As on create: applies to the edited content's mentions. */
  allowedMentions?: AllowedMentions | null;
};

const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

export class World {
  readonly settings: TSettings;
  readonly users = new Map<string, UserRecord>();
  readonly applications = new Map<string, ApplicationRecord>();
  readonly guilds = new Map<string, GuildRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly attachments = new Map<string, AttachmentRecord>();
  oauthConsent: { userId: string; decision: "allow" | "deny" } | null;

  private readonly botsByTokenHash = new Map<string, ApplicationRecord>();
  private readonly appsByBotId = new Map<string, ApplicationRecord>();
  private readonly logs = new Map<string, MessageLog>();
  private readonly nonces = new Map<string, { messageId: string; channelId: string; at: number }>();
  private readonly listeners = new Set<(event: WorldEvent) => void>();

  constructor(
    readonly spec: TWorldSpec,
    readonly ids: SnowflakeGenerator = new SnowflakeGenerator(),
  ) {
    this.settings = structuredClone(spec.settings);
    this.oauthConsent = spec.oauth2 ? { ...spec.oauth2 } : null;
    for (const u of spec.users)
      this.users.set(u.id, {
        id: u.id,
        username: u.username,
        globalName: u.globalName,
        email: u.email,
        bot: false,
      });
    for (const app of spec.applications) {
      this.applications.set(app.id, app);
      this.botsByTokenHash.set(hashToken(app.bot.token), app);
      this.appsByBotId.set(app.bot.id, app);
      this.users.set(app.bot.id, {
        id: app.bot.id,
        username: app.bot.username,
        globalName: null,
        bot: true,
        applicationId: app.id,
      });
    }
    for (const g of spec.guilds) {
      const { guild, channels } = guildFromSpec(g);
      this.guilds.set(g.id, guild);
      for (const channel of channels) {
        this.channels.set(channel.id, channel);
        this.logs.set(channel.id, new MessageLog());
      }
      for (const c of g.channels)
        for (const seed of c.messages)
          this.insertMessage(
            this.buildMessage(
              { channelId: c.id, authorId: seed.authorId, content: seed.content },
              seed.id,
            ),
          );
    }
  }

  onEvent(listener: (event: WorldEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- lookups -------------------------------------------------------------------------------

  botByToken(token: string): ApplicationRecord | undefined {
    return this.botsByTokenHash.get(hashToken(token));
  }

  applicationOfBot(botUserId: string): ApplicationRecord | undefined {
    return this.appsByBotId.get(botUserId);
  }

  guild(guildId: string): GuildRecord {
    const guild = this.guilds.get(guildId);
    if (!guild) throw Errors.unknownGuild();
    return guild;
  }

  channel(channelId: string): ChannelRecord {
    const channel = this.channels.get(channelId);
    if (!channel) throw Errors.unknownChannel();
    return channel;
  }

  user(userId: string): UserRecord {
    const user = this.users.get(userId);
    if (!user) throw Errors.unknownUser();
    return user;
  }

  member(guildId: string, userId: string): MemberRecord {
    const member = this.guild(guildId).members.get(userId);
    if (!member) throw Errors.unknownMember();
    return member;
  }

  log(channelId: string): MessageLog {
    const log = this.logs.get(channelId);
    if (!log) throw Errors.unknownChannel();
    return log;
  }

  message(channelId: string, messageId: string): MessageRecord {
    const message = this.log(channelId).get(messageId);
    if (!message) throw Errors.unknownMessage();
    return message;
  }

  /** Guilds a user (bot or human) is a member of. */
  guildsOf(userId: string): GuildRecord[] {
    return [...this.guilds.values()].filter((g) => g.members.has(userId));
  }

  // ---- messages ------------------------------------------------------------------------------

  /** Returns the created message, or the earlier one when `enforceNonce` matches a recent send. */
  createMessage(input: CreateMessageInput): { message: MessageRecord; deduplicated: boolean } {
    const channel = this.channel(input.channelId);
    const nonceKey =
      input.nonce !== undefined && input.nonce !== null
        ? `${input.authorId}:${String(input.nonce)}`
        : null;
    if (nonceKey && input.enforceNonce) {
      const earlier = this.nonces.get(nonceKey);
      const existing = earlier
        ? this.logs.get(earlier.channelId)?.get(earlier.messageId)
        : undefined;
      if (earlier && existing && Date.now() - earlier.at <= this.settings.nonceWindowMs)
        return { message: existing, deduplicated: true };
    }
    const message = this.buildMessage(input);
    this.insertMessage(message);
    if (nonceKey) this.rememberNonce(nonceKey, message);
    this.emit({ type: "messageCreate", guildId: channel.guildId, message });
    return { message, deduplicated: false };
  }

  /**
   * Puts history into a channel as if it had been posted long ago: `items` oldest first, the last
   * one posted `spacingMs` before `endAt` (default: the channel's oldest message, or now), each
   * `spacingMs` after the previous. Nothing is dispatched (the gateway never saw these posts) and
   * every id is older than the channel's current messages. `replyToIndex` points at an earlier item.
   */
  seedHistory(
    channelId: string,
    items: readonly { authorId: string; content: string; replyToIndex?: number }[],
    options: { spacingMs: number; endAt?: number },
  ): MessageRecord[] {
    const channel = this.channel(channelId);
    const log = this.log(channelId);
    const oldest = log.history({ limit: 1, after: "0" })[0];
    const ceiling = oldest === undefined ? Date.now() : snowflakeTimestampMs(oldest.id);
    const endAt = Math.min(options.endAt ?? ceiling, ceiling);
    const firstAt = endAt - items.length * options.spacingMs;
    const created: MessageRecord[] = [];
    for (const [index, item] of items.entries()) {
      const id = snowflakeFrom({ timestampMs: firstAt + index * options.spacingMs, worker: 2 });
      const replyTo = item.replyToIndex === undefined ? undefined : created[item.replyToIndex];
      if (item.replyToIndex !== undefined && replyTo === undefined)
        throw new RangeError(`message ${index}: replyToIndex must point at an earlier message`);
      const message = this.buildMessage(
        {
          channelId,
          authorId: item.authorId,
          content: item.content,
          reference: replyTo === undefined ? null : { messageId: replyTo.id },
        },
        id,
      );
      log.add(message);
      created.push(message);
    }
    channel.lastMessageId ??= created[created.length - 1]?.id ?? null;
    return created;
  }

  editMessage(channelId: string, messageId: string, input: EditMessageInput): MessageRecord {
    const message = this.message(channelId, messageId);
    if (input.content !== undefined) message.content = input.content ?? "";
    if (input.embeds !== undefined) message.embeds = input.embeds ?? [];
    if (input.flags !== undefined) message.flags = input.flags;
    if (input.keepAttachmentIds !== undefined) {
      const keep = new Set(input.keepAttachmentIds);
      for (const a of message.attachments) if (!keep.has(a.id)) this.attachments.delete(a.id);
      message.attachments = message.attachments.filter((a) => keep.has(a.id));
    }
    if (input.files?.length) message.attachments.push(...this.storeFiles(channelId, input.files));
    if (input.content !== undefined) this.parseMentions(message, input.allowedMentions ?? null);
    message.editedTimestamp = new Date().toISOString();
    this.emit({ type: "messageUpdate", guildId: message.guildId, message });
    return message;
  }

  /** An update with no visible change (crosspost flag, embed unfurl), as Discord sometimes sends. */
  touchMessage(channelId: string, messageId: string, flags?: number): MessageRecord {
    const message = this.message(channelId, messageId);
    if (flags !== undefined) message.flags = flags;
    this.emit({ type: "messageUpdate", guildId: message.guildId, message });
    return message;
  }

  deleteMessage(channelId: string, messageId: string): void {
    const message = this.log(channelId).remove(messageId);
    if (!message) throw Errors.unknownMessage();
    for (const a of message.attachments) this.attachments.delete(a.id);
    this.emit({ type: "messageDelete", guildId: message.guildId, channelId, messageId });
  }

  bulkDelete(channelId: string, messageIds: string[]): void {
    const channel = this.channel(channelId);
    const log = this.log(channelId);
    const deleted: string[] = [];
    for (const id of new Set(messageIds)) {
      const message = log.remove(id);
      if (!message) continue;
      for (const a of message.attachments) this.attachments.delete(a.id);
      deleted.push(id);
    }
    if (deleted.length)
      this.emit({
        type: "messageDeleteBulk",
        guildId: channel.guildId,
        channelId,
        messageIds: deleted,
      });
  }

  // ---- members and roles ---------------------------------------------------------------------

  addMember(
    guildId: string,
    userId: string,
    init: { roles?: string[]; nick?: string | null },
  ): MemberRecord {
    const guild = this.guild(guildId);
    this.user(userId);
    const roles = init.roles ?? [];
    for (const r of roles) if (!guild.roles.has(r) || r === guildId) throw Errors.unknownRole();
    const member: MemberRecord = {
      userId,
      guildId,
      roles: [...new Set(roles)],
      nick: init.nick ?? null,
      joinedAt: new Date().toISOString(),
    };
    guild.members.set(userId, member);
    this.emit({ type: "memberAdd", guildId, member });
    return member;
  }

  removeMember(guildId: string, userId: string): void {
    const guild = this.guild(guildId);
    if (!guild.members.delete(userId)) throw Errors.unknownMember();
    this.emit({ type: "memberRemove", guildId, userId });
  }

  /** Adds a role; a no-op (and no event) when the member already has it, like Discord. */
  addMemberRole(guildId: string, userId: string, roleId: string): MemberRecord {
    const member = this.member(guildId, userId);
    this.role(guildId, roleId);
    if (member.roles.includes(roleId)) return member;
    member.roles.push(roleId);
    this.emit({ type: "memberUpdate", guildId, member });
    return member;
  }

  removeMemberRole(guildId: string, userId: string, roleId: string): MemberRecord {
    const member = this.member(guildId, userId);
    this.role(guildId, roleId);
    if (!member.roles.includes(roleId)) return member;
    member.roles = member.roles.filter((r) => r !== roleId);
    this.emit({ type: "memberUpdate", guildId, member });
    return member;
  }

  role(guildId: string, roleId: string) {
    const role = this.guild(guildId).roles.get(roleId);
    if (!role || roleId === guildId) throw Errors.unknownRole();
    return role;
  }

  // ---- internals -----------------------------------------------------------------------------

  private emit(event: WorldEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private rememberNonce(key: string, message: MessageRecord): void {
    const now = Date.now();
    this.nonces.set(key, { messageId: message.id, channelId: message.channelId, at: now });
    if (this.nonces.size > 10_000)
      for (const [k, v] of this.nonces)
        if (now - v.at > this.settings.nonceWindowMs) this.nonces.delete(k);
  }

  private insertMessage(message: MessageRecord): void {
    this.log(message.channelId).add(message);
    const channel = this.channel(message.channelId);
    channel.lastMessageId = message.id;
  }

  private buildMessage(input: CreateMessageInput, fixedId?: string): MessageRecord {
    const channel = this.channel(input.channelId);
    this.user(input.authorId);
    const reference = this.resolveReference(channel, input.reference ?? null);
    const id = fixedId ?? this.ids.next();
    const message: MessageRecord = {
      id,
      channelId: channel.id,
      guildId: channel.guildId,
      authorId: input.authorId,
      content: input.content ?? "",
      timestamp: new Date(snowflakeTimestampMs(id)).toISOString(),
      editedTimestamp: null,
      attachments: this.storeFiles(channel.id, input.files ?? []),
      embeds: input.embeds ?? [],
      nonce: input.nonce ?? null,
      reference,
      mentionUserIds: [],
      mentionRoleIds: [],
      mentionEveryone: false,
      flags: input.flags ?? 0,
      tts: input.tts ?? false,
    };
    this.parseMentions(message, input.allowedMentions ?? null);
    return message;
  }

  private resolveReference(
    channel: ChannelRecord,
    ref: CreateMessageInput["reference"],
  ): MessageReference | null {
    if (!ref) return null;
    const channelId = ref.channelId ?? channel.id;
    const target = this.logs.get(channelId)?.get(ref.messageId);
    if (target && target.guildId === channel.guildId)
      return { messageId: target.id, channelId, guildId: channel.guildId };
    if (ref.failIfNotExists === false) return null;
    throw Errors.invalidForm(
      formErrors([
        {
          path: ["message_reference"],
          code: "MESSAGE_REFERENCE_UNKNOWN_MESSAGE",
          message: "Unknown message",
        },
      ]),
    );
  }

  private storeFiles(channelId: string, files: NewFile[]): AttachmentRecord[] {
    return files.map((file) => {
      const sniffed = sniffContentType(file.bytes);
      const attachment: AttachmentRecord = {
        id: this.ids.next(),
        channelId,
        filename: sanitizeFilename(file.filename),
        size: file.bytes.byteLength,
        contentType: sniffed.contentType,
        description: file.description ?? null,
        width: sniffed.width,
        height: sniffed.height,
        bytes: file.bytes,
      };
      this.attachments.set(attachment.id, attachment);
      return attachment;
    });
  }

  private parseMentions(message: MessageRecord, allowed: AllowedMentions | null): void {
    const replied = message.reference
      ? this.logs.get(message.reference.channelId)?.get(message.reference.messageId)
      : undefined;
    const guild = this.guilds.get(message.guildId);
    const mentions = parseMentions(
      message.content,
      {
        userExists: (id) => this.users.has(id),
        roleExists: (id) => guild?.roles.has(id) ?? false,
        repliedAuthorId: replied?.authorId ?? null,
      },
      allowed,
    );
    message.mentionUserIds = mentions.userIds;
    message.mentionRoleIds = mentions.roleIds;
    message.mentionEveryone = mentions.everyone;
  }
}
