import type { SourceAttachment } from "./source-message.js";

export type AttachmentPolicy = {
  allowedTypes: ReadonlySet<string>;
  maxBytes: number;
};

export type Screening = { ok: true; contentType: string } | { ok: false; reason: string };

const TYPES_BY_EXTENSION: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  pdf: "application/pdf",
  txt: "text/plain",
};

/** Discord's content_type without parameters, else a guess from the extension. */
export function effectiveContentType(
  attachment: Pick<SourceAttachment, "contentType" | "filename">,
): string {
  const declared = attachment.contentType?.split(";")[0]?.trim().toLowerCase();
  if (declared !== undefined && declared !== "") return declared;
  const extension = attachment.filename.split(".").pop()?.toLowerCase() ?? "";
  return TYPES_BY_EXTENSION[extension] ?? "application/octet-stream";
}

/** Decides before downloading whether a file may be stored: type allow-list and size cap. */
export function screenAttachment(
  attachment: Pick<SourceAttachment, "contentType" | "filename" | "size">,
  policy: AttachmentPolicy,
): Screening {
  const contentType = effectiveContentType(attachment);
  if (!policy.allowedTypes.has(contentType)) {
    return { ok: false, reason: `type ${contentType} is not allowed` };
  }
  if (attachment.size > policy.maxBytes) {
    return {
      ok: false,
      reason: `too large: ${attachment.size} bytes exceeds the ${policy.maxBytes}-byte cap`,
    };
  }
  return { ok: true, contentType };
}
