/** A numeric one-time code from the platform CSPRNG, without modulo bias. */
export function generateNumericCode(digits: number): string {
  const out: string[] = [];
  const buffer = new Uint8Array(1);
  while (out.length < digits) {
    crypto.getRandomValues(buffer);
    const byte = buffer[0] ?? 255;
    if (byte < 250) out.push(String(byte % 10)); // 250 = 25 × 10: uniform over 0..9
  }
  return out.join("");
}
