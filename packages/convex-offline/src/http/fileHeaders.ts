/** Stored types served as themselves: raster images, which cannot carry script. */
const INERT_IMAGE_TYPES: ReadonlySet<string> = new Set([
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/avif",
]);

/**
 * Headers for a stored file served from the backend's own origin. Uploads are arbitrary bytes
 * with a type the uploader chose, so nothing active (HTML, SVG, XML, scripts) may be rendered
 * here: the browser must not sniff, a file opened directly is a sandboxed document with no
 * sources, and anything but a raster image is an opaque download.
 */
export function safeFileHeaders(storedType: string): Record<string, string> {
  const type = storedType.split(";")[0]?.trim().toLowerCase() ?? "";
  const inert = INERT_IMAGE_TYPES.has(type);
  return {
    "Content-Type": inert ? type : "application/octet-stream",
    ...(inert ? {} : { "Content-Disposition": "attachment" }),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox; default-src 'none'",
  };
}
