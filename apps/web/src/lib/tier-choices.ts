/** A tier as a select shows it: "VIP (vip)" — the name admins know, the key mappings store. */
export function tierChoices(
  tiers: readonly { key: string; name: string }[],
): { value: string; label: string }[] {
  return tiers.map((tier) => ({ value: tier.key, label: `${tier.name} (${tier.key})` }));
}
