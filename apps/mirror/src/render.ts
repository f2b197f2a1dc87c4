import { createHash } from "node:crypto";
import type { ClaimedDelivery } from "./work-types.js";

/**
 * Pure rendering of a signal into the customer message. The raw content is posted verbatim; an
 * optional one-line summary (Discord "-#" subtext) follows — worded by Convex (the claim's
 * `signal.summary`, convex/model/mirror/mirrorSummary.ts), which says "check the message" instead of
 * levels when the reading is shaky, so Convex knows when a new reading changes this message; files above the upload limit become
 * links to our storage (stable, unlike Discord CDN links). Mentions never ping.
 */

export const DISCORD_CONTENT_LIMIT = 2000;

export type RenderOptions = { uploadLimitBytes: number; summary: boolean };

export type RenderedFile = {
  attachmentId: string;
  filename: string;
  url: string;
  size: number;
  contentType: string;
};

export type RenderedMessage = {
  content: string;
  files: RenderedFile[];
  replyToMessageId?: string;
  /** `<content hash>.<files hash>`: an edit can skip re-uploading when only the content changed. */
  hash: string;
};

export const ALLOWED_MENTIONS = { parse: [] as never[], repliedUser: false };

export function renderDelivery(work: ClaimedDelivery, options: RenderOptions): RenderedMessage {
  const { signal } = work;
  const uploads = work.attachments.filter((file) => file.size <= options.uploadLimitBytes);
  const linked = work.attachments.filter((file) => file.size > options.uploadLimitBytes);
  const footer: string[] = [];
  const summary = options.summary ? summaryLine(work) : undefined;
  if (summary !== undefined) footer.push(summary);
  for (const file of linked) footer.push(`📎 [${escapeLinkText(file.filename)}](<${file.url}>)`);
  for (const file of work.omittedAttachments) {
    footer.push(`-# 📎 ${file.filename} was not mirrored (${file.reason})`);
  }
  const files = uploads.map((file) => ({
    attachmentId: file.attachmentId,
    filename: file.filename,
    url: file.url,
    size: file.size,
    contentType: file.contentType,
  }));
  const fitted = fitContent(signal.content, footer);
  // Discord refuses a message with neither content nor files.
  const content = fitted.length === 0 && files.length === 0 ? "\u200b" : fitted;
  const fileKeys = work.attachments.map((file) =>
    file.size <= options.uploadLimitBytes ? `${file.attachmentId}:${file.sha256 ?? ""}` : "",
  );
  return {
    content,
    files,
    ...(work.replyToCustomerMessageId === undefined
      ? {}
      : { replyToMessageId: work.replyToCustomerMessageId }),
    hash: `${contentHash(content)}.${sha(fileKeys.filter(Boolean).join("|"))}`,
  };
}

/** The edit-cap fallback (Discord 30046): a reply that carries the latest content. */
export function renderUpdateNote(rendered: RenderedMessage): string {
  return fitContent(`✏️ **Updated:**\n${rendered.content}`, []);
}

export function contentHashOf(hash: string | undefined): string | undefined {
  return hash?.split(".")[0];
}

export function filesHashOf(hash: string | undefined): string | undefined {
  return hash?.split(".")[1];
}

function summaryLine(work: ClaimedDelivery): string | undefined {
  const text = work.signal.summary?.trim();
  return text === undefined || text.length === 0 ? undefined : `-# ${text}`;
}

/** Content first (verbatim), footer lines after; the footer gives way before the content does. */
function fitContent(body: string, footer: string[]): string {
  let lines = [...footer];
  const join = () => (lines.length === 0 ? body : `${body}\n${lines.join("\n")}`);
  while (join().length > DISCORD_CONTENT_LIMIT && lines.length > 0) lines = lines.slice(0, -1);
  const text = join();
  if (text.length <= DISCORD_CONTENT_LIMIT) return text;
  return `${text.slice(0, DISCORD_CONTENT_LIMIT - 1)}…`;
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]]/g, "");
}

/** The content part of a render hash; recovery compares it with messages found in history. */
export function contentHash(content: string): string {
  return sha(content);
}

function sha(text: string): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, 22);
}

/**
 * The inverse of the footer: the source content of a mirrored message (drops trailing summary,
 * file-link and omitted-file lines). For drift checks against a source channel.
 */
export function stripMirrorFooter(content: string): string {
  const lines = content.split("\n");
  while (lines.length > 1) {
    const last = lines[lines.length - 1] ?? "";
    if (!last.startsWith("-# ") && !last.startsWith("📎 [")) break;
    lines.pop();
  }
  return lines.join("\n");
}
