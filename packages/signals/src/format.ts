/** Prints a price without exponent notation ("0.0003", not "3e-4"); trims float noise. */
export function formatPrice(value: number): string {
  if (value !== 0 && Math.abs(value) < 1e-6) return value.toFixed(12).replace(/\.?0+$/, "");
  return String(Number(value.toPrecision(12)));
}
