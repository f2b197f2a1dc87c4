import { baseContentType, isInlineImage } from "./attachments";

/**
 * Headers for an attachment served from one of our origins. Files come from Discord users, so
 * nothing active may ever run: the browser must not sniff (`nosniff`), the response is a sandboxed
 * document with no sources if opened directly (CSP), only allow-listed raster images keep their
 * type and show inline, and everything else (HTML, SVG, scripts, PDFs, …) is an opaque download.
 * The browser may cache it privately only while the link is valid.
 */
export function attachmentResponseHeaders(
  file: { contentType: string; filename: string; size: number },
  maxAgeSeconds: number,
): Record<string, string> {
  const inline = isInlineImage(file);
  return {
    "Content-Type": inline ? baseContentType(file.contentType) : "application/octet-stream",
    "Content-Disposition": `${inline ? "inline" : "attachment"}; ${dispositionFilename(file.filename)}`,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox; default-src 'none'",
    "Cache-Control": `private, max-age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    "Referrer-Policy": "no-referrer",
    // The dashboard (another origin) shows the images; nothing else needs to read them.
    "Cross-Origin-Resource-Policy": "cross-origin",
  };
}

/** An ASCII fallback (no quotes, no control characters) plus the exact name per RFC 6266. */
function dispositionFilename(filename: string): string {
  const ascii = filename.replace(/[^A-Za-z0-9._ -]/g, "_").slice(0, 150) || "attachment";
  return `filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename.slice(0, 150))}`;
}
