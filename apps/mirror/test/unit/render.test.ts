import { describe, expect, test } from "vitest";
import {
  ALLOWED_MENTIONS,
  DISCORD_CONTENT_LIMIT,
  filesHashOf,
  contentHashOf,
  renderDelivery,
  renderUpdateNote,
  stripMirrorFooter,
} from "../../src/render.js";
import { attachment, claimedDelivery } from "./fixtures.js";

const options = { uploadLimitBytes: 10 * 1024 * 1024, summary: true };

describe("renderDelivery", () => {
  test("posts the raw content verbatim followed by a one-line subtext summary", () => {
    const work = claimedDelivery();
    const rendered = renderDelivery(work, options);
    expect(rendered.content.startsWith(`${work.signal.content}\n-# `)).toBe(true);
    expect(rendered.content.split("\n").at(-1)).toMatch(/^-# LONG BTC\/USDT/);
    expect(stripMirrorFooter(rendered.content)).toBe(work.signal.content);
  });

  test("never pings: mentions are parsed from nothing, replies do not ping", () => {
    expect(ALLOWED_MENTIONS).toEqual({ parse: [], repliedUser: false });
  });

  test("no summary when Convex sends none (a note) or when turned off", () => {
    const note = claimedDelivery();
    note.signal.parsed = { ...note.signal.parsed, kind: "note" };
    delete note.signal.summary;
    expect(renderDelivery(note, options).content).toBe(note.signal.content);
    expect(renderDelivery(claimedDelivery(), { ...options, summary: false }).content).toBe(
      claimedDelivery().signal.content,
    );
  });

  test("a shaky reading shows Convex's 'check the message' line, never the parsed levels", () => {
    const shaky = claimedDelivery();
    shaky.signal.parsed = { ...shaky.signal.parsed, confidence: 0.3 };
    shaky.signal.summary = "⚠️ Levels not read with confidence: check the message above";
    const rendered = renderDelivery(shaky, options);
    expect(rendered.content).toBe(
      `${shaky.signal.content}\n-# ⚠️ Levels not read with confidence: check the message above`,
    );
    expect(rendered.content).not.toContain("SL 41000 ·");
    expect(stripMirrorFooter(rendered.content)).toBe(shaky.signal.content);
  });

  test("uploads files under the limit and links the ones above it", () => {
    const work = claimedDelivery({
      attachments: [attachment("chart.png", 1000), attachment("huge.mp4", 20 * 1024 * 1024)],
    });
    const rendered = renderDelivery(work, options);
    expect(rendered.files.map((file) => file.filename)).toEqual(["chart.png"]);
    expect(rendered.content).toContain(
      "📎 [huge.mp4](<http://127.0.0.1:3211/api/storage/huge.mp4>)",
    );
    expect(stripMirrorFooter(rendered.content)).toBe(work.signal.content);
  });

  test("names attachments that were not stored instead of dropping them silently", () => {
    const work = claimedDelivery({
      omittedAttachments: [{ filename: "x.exe", reason: "type not allowed" }],
    });
    expect(renderDelivery(work, options).content).toContain(
      "-# 📎 x.exe was not mirrored (type not allowed)",
    );
  });

  test("keeps the content within 2,000 characters, dropping the footer before the content", () => {
    const work = claimedDelivery();
    work.signal.content = "x".repeat(1990);
    const rendered = renderDelivery(work, options);
    expect(rendered.content).toBe("x".repeat(1990));
    work.signal.content = "y".repeat(2500);
    const long = renderDelivery(work, options);
    expect(long.content).toHaveLength(DISCORD_CONTENT_LIMIT);
    expect(long.content.endsWith("…")).toBe(true);
    expect(renderUpdateNote(long).length).toBeLessThanOrEqual(DISCORD_CONTENT_LIMIT);
  });

  test("an empty message without files becomes a zero-width space (Discord refuses empty)", () => {
    const work = claimedDelivery();
    work.signal.content = "";
    work.signal.parsed = { ...work.signal.parsed, kind: "note" };
    delete work.signal.summary;
    expect(renderDelivery(work, options).content).toBe("\u200b");
    const withFile = claimedDelivery({ attachments: [attachment("a.png", 10)] });
    withFile.signal.content = "";
    withFile.signal.parsed = { ...withFile.signal.parsed, kind: "note" };
    delete withFile.signal.summary;
    expect(renderDelivery(withFile, options).content).toBe("");
  });

  test("replies point at the mirrored parent", () => {
    const rendered = renderDelivery(
      claimedDelivery({ replyToCustomerMessageId: "2000000000000000777" }),
      options,
    );
    expect(rendered.replyToMessageId).toBe("2000000000000000777");
  });

  test("the hash separates content from files, so a text edit does not re-upload", () => {
    const base = claimedDelivery({ attachments: [attachment("a.png", 10, "h1")] });
    const edited = claimedDelivery({ attachments: [attachment("a.png", 10, "h1")] });
    edited.signal.content = "edited";
    const swapped = claimedDelivery({ attachments: [attachment("a.png", 10, "h2")] });
    const [a, b, c] = [base, edited, swapped].map((work) => renderDelivery(work, options).hash);
    expect(contentHashOf(a)).not.toBe(contentHashOf(b));
    expect(filesHashOf(a)).toBe(filesHashOf(b));
    expect(contentHashOf(a)).toBe(contentHashOf(c));
    expect(filesHashOf(a)).not.toBe(filesHashOf(c));
    expect(renderDelivery(base, options).hash).toBe(a);
  });
});
