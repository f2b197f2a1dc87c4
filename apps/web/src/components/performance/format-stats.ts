const sign = (n: number) => (n > 0 ? "+" : n < 0 ? "−" : "");

export function formatR(value: number | null): string {
  return value === null ? "—" : `${sign(value)}${Math.abs(value).toFixed(2)} R`;
}

export function formatRate(value: number | null): string {
  return value === null ? "—" : `${(value * 100).toFixed(1)} %`;
}
