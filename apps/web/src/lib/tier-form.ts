import type { api } from "@convex/_generated/api";
import type { FunctionArgs, FunctionReturnType } from "convex/server";

export type AdminTier = FunctionReturnType<typeof api.tiers.list>["tiers"][number];
export type TierArgs = FunctionArgs<typeof api.tiers.upsertTier>;

/** The tier form's fields, all as typed (strings); features one per line. */
export type TierFields = {
  key: string;
  name: string;
  priceLabel: string;
  description: string;
  features: string;
  purchaseUrl: string;
  discordRoleId: string;
  orderAccessDays: string;
  graceHours: string;
};

export function tierFields(tier: AdminTier | undefined): TierFields {
  return {
    key: tier?.key ?? "",
    name: tier?.name ?? "",
    priceLabel: tier?.priceLabel ?? "",
    description: tier?.description ?? "",
    features: (tier?.features ?? []).join("\n"),
    purchaseUrl: tier?.purchaseUrl ?? "",
    discordRoleId: tier?.discordRoleId ?? "",
    orderAccessDays: tier?.orderAccessDays === undefined ? "" : String(tier.orderAccessDays),
    graceHours: String(tier?.graceHours ?? 72),
  };
}

/**
 * The mutation's arguments from the form: blank optional fields are left out (so clearing a field
 * clears it), numbers parsed. The backend checks everything again; this only shapes the call.
 */
export function tierArgs(fields: TierFields): TierArgs {
  const text = (value: string) => (value.trim() === "" ? undefined : value.trim());
  const features = fields.features
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const orderAccessDays = text(fields.orderAccessDays);
  const args: TierArgs = {
    key: fields.key.trim(),
    name: fields.name,
    graceHours: Number(fields.graceHours),
  };
  const optional = {
    priceLabel: text(fields.priceLabel),
    description: text(fields.description),
    purchaseUrl: text(fields.purchaseUrl),
    discordRoleId: text(fields.discordRoleId),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(args, { [key]: value });
  }
  if (features.length > 0) args.features = features;
  if (orderAccessDays !== undefined) args.orderAccessDays = Number(orderAccessDays);
  return args;
}
