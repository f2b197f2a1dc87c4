// Content type from magic bytes (Discord sniffs uploads rather than trusting the client), plus the
// image dimensions we can read cheaply (PNG, GIF, WebP VP8X; others report null).

export type Sniffed = { contentType: string; width: number | null; height: number | null };

const startsWith = (bytes: Uint8Array, sig: readonly number[], offset = 0): boolean =>
  sig.every((b, i) => bytes[offset + i] === b);

const ascii = (bytes: Uint8Array, from: number, to: number): string =>
  String.fromCharCode(...bytes.subarray(from, to));

export function sniffContentType(bytes: Uint8Array): Sniffed {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    const dims =
      bytes.length >= 24 ? { width: view.getUint32(16), height: view.getUint32(20) } : null;
    return { contentType: "image/png", width: dims?.width ?? null, height: dims?.height ?? null };
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff]))
    return { contentType: "image/jpeg", width: null, height: null };
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") {
    const ok = bytes.length >= 10;
    return {
      contentType: "image/gif",
      width: ok ? view.getUint16(6, true) : null,
      height: ok ? view.getUint16(8, true) : null,
    };
  }
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") {
    if (ascii(bytes, 12, 16) === "VP8X" && bytes.length >= 30) {
      const w = 1 + ((bytes[24] ?? 0) | ((bytes[25] ?? 0) << 8) | ((bytes[26] ?? 0) << 16));
      const h = 1 + ((bytes[27] ?? 0) | ((bytes[28] ?? 0) << 8) | ((bytes[29] ?? 0) << 16));
      return { contentType: "image/webp", width: w, height: h };
    }
    return { contentType: "image/webp", width: null, height: null };
  }
  if (ascii(bytes, 0, 5) === "%PDF-")
    return { contentType: "application/pdf", width: null, height: null };
  if (ascii(bytes, 4, 8) === "ftyp") return { contentType: "video/mp4", width: null, height: null };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
    return { contentType: "application/zip", width: null, height: null };
  if (ascii(bytes, 0, 4) === "OggS") return { contentType: "audio/ogg", width: null, height: null };
  if (ascii(bytes, 0, 3) === "ID3") return { contentType: "audio/mpeg", width: null, height: null };
  if (isUtf8Text(bytes))
    return { contentType: "text/plain; charset=utf-8", width: null, height: null };
  return { contentType: "application/octet-stream", width: null, height: null };
}

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  const sample = bytes.subarray(0, 4096);
  if (sample.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(
      sample.length < bytes.length ? trimPartialUtf8(sample) : sample,
    );
    return true;
  } catch {
    return false;
  }
}

/** Drops a multi-byte sequence cut off at the end of the sample. */
function trimPartialUtf8(sample: Uint8Array): Uint8Array {
  const end = sample.length;
  for (let i = 1; i <= 3 && end - i >= 0; i += 1) {
    const b = sample[end - i] ?? 0;
    if ((b & 0xc0) === 0xc0) return sample.subarray(0, end - i);
    if ((b & 0x80) === 0) break;
  }
  return sample.subarray(0, end);
}
