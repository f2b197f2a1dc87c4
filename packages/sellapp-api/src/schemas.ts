import { z } from "zod";

/**
 * Response shapes of Sell.app's v2 API, as far as we rely on them (packages/payments/docs/
 * sellapp-webhooks.md §5.2 and §5.3: the same objects the webhooks carry). Loose on purpose: unknown
 * keys pass through untouched, because the object is stored whole and re-read by the webhook parser;
 * only what reconciliation needs is required.
 */

const id = z.union([z.string().min(1), z.number()]);
const nullableId = z.union([z.string(), z.number(), z.null()]).optional();
const time = z.union([z.string(), z.number(), z.null()]).optional();

export const ZOrder = z.looseObject({
  id,
  status: z.string().min(1),
  created_at: time,
  updated_at: time,
  customer: z.looseObject({ id: nullableId, email: z.string().min(3) }),
  line_items: z
    .array(
      z.looseObject({
        product_id: nullableId,
        product_variant_id: nullableId,
        subscription_id: nullableId,
        status: z.string().optional(),
      }),
    )
    .optional(),
});
export type TOrder = z.infer<typeof ZOrder>;

export const ZSubscription = z.looseObject({
  id,
  status: z.string().min(1),
  product_variant_id: nullableId,
  created_at: time,
  updated_at: time,
  customer: z.looseObject({ id: nullableId, email: z.string().min(3) }),
});
export type TSubscription = z.infer<typeof ZSubscription>;

/** Sell.app's paginated list: `data` plus a Laravel-style `meta` (current_page, last_page). */
export function ZPage<T extends z.ZodType>(item: T) {
  return z.looseObject({
    data: z.array(item),
    meta: z.looseObject({
      current_page: z.number().int().positive(),
      last_page: z.number().int().nonnegative(),
      total: z.number().int().nonnegative().optional(),
    }),
  });
}
export type TPage<T> = {
  data: T[];
  meta: { current_page: number; last_page: number; total?: number };
};
