import { v, type Infer } from "convex/values";
import { appError } from "../shared/errors";

/** What an admin may set on a tier (order and retirement have their own mutations). */
export const vTierInput = v.object({
  key: v.string(),
  name: v.string(),
  description: v.optional(v.string()),
  features: v.optional(v.array(v.string())),
  priceLabel: v.optional(v.string()),
  discordRoleId: v.optional(v.string()),
  purchaseUrl: v.optional(v.string()),
  orderAccessDays: v.optional(v.number()),
  graceHours: v.number(),
});

export type TierInput = Infer<typeof vTierInput>;

export const TIER_LIMITS = {
  name: 60,
  description: 600,
  features: 12,
  feature: 140,
  priceLabel: 40,
} as const;

function bad(message: string): never {
  throw appError("BAD_REQUEST", message);
}

/** Checks and trims a tier as an admin typed it; empty optional texts are left out. */
export function checkTierInput(input: TierInput): TierInput {
  if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(input.key)) bad("Tier key: 1–40 of a-z, 0-9, _ or -.");
  const name = input.name.trim();
  if (name.length === 0) bad("Give the tier a name.");
  if (name.length > TIER_LIMITS.name) bad(`Tier name: at most ${TIER_LIMITS.name} characters.`);
  if (input.orderAccessDays !== undefined && !(input.orderAccessDays > 0)) {
    bad("orderAccessDays must be positive (or absent for no end).");
  }
  if (!(input.graceHours >= 0)) bad("graceHours must be ≥ 0.");
  const description = input.description?.trim() || undefined;
  if (description !== undefined && description.length > TIER_LIMITS.description) {
    bad(`Description: at most ${TIER_LIMITS.description} characters.`);
  }
  const features = (input.features ?? []).map((feature) => feature.trim()).filter(Boolean);
  if (features.length > TIER_LIMITS.features) bad(`At most ${TIER_LIMITS.features} features.`);
  if (features.some((feature) => feature.length > TIER_LIMITS.feature)) {
    bad(`Each feature: at most ${TIER_LIMITS.feature} characters.`);
  }
  const priceLabel = input.priceLabel?.trim() || undefined;
  if (priceLabel !== undefined && priceLabel.length > TIER_LIMITS.priceLabel) {
    bad(`Price shown: at most ${TIER_LIMITS.priceLabel} characters.`);
  }
  const discordRoleId = input.discordRoleId?.trim() || undefined;
  if (discordRoleId !== undefined && !/^\d{5,25}$/.test(discordRoleId)) {
    bad("Discord role id: the role's numeric id (Developer Mode → Copy Role ID).");
  }
  const purchaseUrl = input.purchaseUrl?.trim() || undefined;
  return {
    key: input.key,
    name,
    ...(description === undefined ? {} : { description }),
    ...(features.length === 0 ? {} : { features }),
    ...(priceLabel === undefined ? {} : { priceLabel }),
    ...(discordRoleId === undefined ? {} : { discordRoleId }),
    ...(purchaseUrl === undefined ? {} : { purchaseUrl }),
    ...(input.orderAccessDays === undefined ? {} : { orderAccessDays: input.orderAccessDays }),
    graceHours: input.graceHours,
  };
}
