// Parses message create/edit bodies: JSON, or multipart with payload_json + files[n].
import { z } from "zod";
import type { EmulatorCore } from "../core.js";
import { Errors } from "../errors.js";
import type { AllowedMentions } from "../world/message-parts.js";
import type { NewFile } from "../world/world.js";
import type { RequestBody } from "./types.js";
import { parseForm } from "./validation.js";

const ZAttachmentRef = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  filename: z.string().max(1024).optional(),
  description: z.string().max(1024).nullable().optional(),
});

const ZEmbed = z.looseObject({
  title: z.string().max(256).optional(),
  description: z.string().max(4096).optional(),
});

const ZAllowedMentions = z
  .looseObject({
    parse: z.array(z.enum(["users", "roles", "everyone"])).optional(),
    users: z.array(z.string()).max(100).optional(),
    roles: z.array(z.string()).max(100).optional(),
    replied_user: z.boolean().optional(),
  })
  .nullable()
  .optional();

/** The wire `allowed_mentions` as the world takes it (absent or null = Discord's default). */
export function allowedMentionsOf(wire: z.output<typeof ZAllowedMentions>): AllowedMentions | null {
  if (wire === undefined || wire === null) return null;
  return {
    ...(wire.parse === undefined ? {} : { parse: wire.parse }),
    ...(wire.users === undefined ? {} : { users: wire.users }),
    ...(wire.roles === undefined ? {} : { roles: wire.roles }),
    ...(wire.replied_user === undefined ? {} : { repliedUser: wire.replied_user }),
  };
}

export const ZMessageCreate = z.looseObject({
  content: z.string().max(2000, "Must be 2000 or fewer in length.").optional(),
  nonce: z
    .union([z.string().max(25, "Must be 25 or fewer in length."), z.number().int()])
    .optional(),
  enforce_nonce: z.boolean().optional(),
  tts: z.boolean().optional(),
  embeds: z.array(ZEmbed).max(10).optional(),
  attachments: z.array(ZAttachmentRef).max(10).optional(),
  flags: z.number().int().nonnegative().optional(),
  allowed_mentions: ZAllowedMentions,
  message_reference: z
    .looseObject({
      message_id: z.string().regex(/^\d{17,20}$/),
      channel_id: z
        .string()
        .regex(/^\d{17,20}$/)
        .optional(),
      guild_id: z.string().optional(),
      fail_if_not_exists: z.boolean().optional(),
    })
    .optional(),
});

export const ZMessageEdit = z.looseObject({
  content: z.string().max(2000, "Must be 2000 or fewer in length.").nullable().optional(),
  embeds: z.array(ZEmbed).max(10).nullable().optional(),
  attachments: z.array(ZAttachmentRef).max(10).optional(),
  flags: z.number().int().nonnegative().optional(),
  allowed_mentions: ZAllowedMentions,
});

export type UploadedFile = NewFile & { field: string };

/** A FormData value (string or File) under both the Node and the DOM lib typings. */
type FormValue = Parameters<Parameters<FormData["forEach"]>[0]>[0];

/** `files[n]` fields keyed by n (or the whole field name when it has no index). */
export async function readMessageBody(
  core: EmulatorCore,
  body: RequestBody,
): Promise<{ json: unknown; files: Map<string, UploadedFile> }> {
  const files = new Map<string, UploadedFile>();
  if (body.kind === "empty") return { json: {}, files };
  if (body.kind === "json") return { json: body.value, files };
  if (body.kind === "form")
    throw Errors.invalidForm({
      _errors: [{ code: "CONTENT_TYPE_INVALID", message: "Expected JSON or multipart" }],
    });
  let json: unknown = {};
  const maxFile = core.world.settings.maxFileBytes;
  // forEach rather than entries(): the DOM lib without DOM.Iterable (loaded by some consumers'
  // dependencies) has no FormData iterator.
  const entries: [string, FormValue][] = [];
  body.value.forEach((value, field) => entries.push([field, value]));
  for (const [field, value] of entries) {
    if (field === "payload_json" && typeof value === "string") {
      try {
        json = JSON.parse(value) as unknown;
      } catch {
        throw Errors.invalidJson();
      }
      continue;
    }
    if (typeof value === "string") continue;
    if (value.size > maxFile) throw Errors.tooLarge();
    const key = /^files\[(\d+)\]$/.exec(field)?.[1] ?? field;
    files.set(key, {
      field,
      filename: value.name || "unknown",
      bytes: new Uint8Array(await value.arrayBuffer()),
    });
  }
  return { json, files };
}

/** Pairs uploaded files with their `attachments[]` entries (id = the files[n] index). */
export function attachUploads(
  refs: z.output<typeof ZAttachmentRef>[] | undefined,
  files: Map<string, UploadedFile>,
): { newFiles: NewFile[]; keepIds: string[] } {
  const newFiles: NewFile[] = [];
  const keepIds: string[] = [];
  const used = new Set<string>();
  for (const ref of refs ?? []) {
    const file = files.get(ref.id);
    if (file) {
      used.add(ref.id);
      newFiles.push({
        filename: ref.filename ?? file.filename,
        bytes: file.bytes,
        description: ref.description ?? null,
      });
    } else keepIds.push(ref.id);
  }
  for (const [key, file] of files)
    if (!used.has(key)) newFiles.push({ filename: file.filename, bytes: file.bytes });
  return { newFiles, keepIds };
}

export { parseForm };
