import { z } from "zod";
import type { PayloadShape, SellappAmount, SellappEvent, SellappLineItem } from "./event";
import { eventCategory } from "./eventTypes";

/**
 * Parses a raw webhook body into a normalized {@link SellappEvent}.
 * Field paths follow this package's docs/sellapp-webhooks.md §5 and are provisional: every schema is
 * loose (unknown keys pass), and only the fields we act on are required. Errors name the missing or
 * malformed field, so the HTTP layer can answer 400 with a useful reason.
 */

export type ParseFailure = {
  ok: false;
  kind: "malformed_json" | "invalid_payload";
  reason: string;
};
export type ParseResult = { ok: true; event: SellappEvent } | ParseFailure;

const id = z.union([z.string().min(1), z.number()]).transform((value) => String(value));
const optionalId = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((value) =>
    value === null || value === undefined || value === "" ? undefined : String(value),
  );

/** ISO-8601 string, epoch seconds or epoch ms → epoch ms. Unreadable values become undefined. */
const timestamp = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((value) => toEpochMs(value));

export function toEpochMs(value: string | number | null | undefined): number | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value === "number") return value < 1e12 ? value * 1000 : value;
  if (/^\d+$/.test(value)) return toEpochMs(Number(value));
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

const email = z
  .string()
  .trim()
  .min(3)
  .transform((value) => value.toLowerCase());

const envelope = z.looseObject({
  event: z.string().min(1),
  data: z.unknown(),
  version: z.union([z.string(), z.number()]).optional(),
  store: z.unknown().optional(),
});

/** A currency code as Sell.app writes it; anything else is treated as "no amount". */
const currency = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/)
  .transform((value) => value.toUpperCase());

/** Reading the total never fails an event: access does not depend on it, only the books do. */
const v2Totals = z
  .looseObject({ currency, total_cents: z.number().int().nonnegative() })
  .optional()
  .catch(undefined);

const legacyTotal = z
  .looseObject({
    base: z.union([z.string().regex(/^\d+(\.\d{1,2})?$/), z.number().nonnegative()]),
    currency,
  })
  .optional()
  .catch(undefined);

/** "49.00" / 49 / 49.5 → 4900 / 4900 / 4950, without floating-point drift. */
export function majorToCents(value: string | number): number {
  const text = typeof value === "number" ? value.toFixed(2) : value;
  const [whole = "0", fraction = ""] = text.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2));
}

const v2Order = z.looseObject({
  id,
  status: z.string().min(1),
  created_at: timestamp,
  updated_at: timestamp,
  customer: z.looseObject({ id: optionalId, email, external_id: optionalId }),
  totals: v2Totals,
  line_items: z
    .array(
      z.looseObject({
        product_id: optionalId,
        product_variant_id: optionalId,
        subscription_id: optionalId,
        status: z.string().optional(),
      }),
    )
    .default([]),
});

const legacyInvoice = z.looseObject({
  id,
  subscription_id: optionalId,
  created_at: timestamp,
  updated_at: timestamp,
  status: z.looseObject({
    status: z.looseObject({ status: z.string().min(1), setAt: timestamp }),
  }),
  customer_information: z
    .looseObject({ id: optionalId, email: email.optional(), external_id: optionalId })
    .optional(),
  payment: z
    .looseObject({
      gateway: z
        .looseObject({
          data: z.looseObject({ customer_email: email.optional(), total: legacyTotal }).optional(),
        })
        .optional(),
    })
    .optional(),
  product_variants: z.array(z.looseObject({ id: optionalId, product_id: optionalId })).default([]),
});

const subscription = z.looseObject({
  id,
  status: z.string().optional(),
  product_variant_id: optionalId,
  product_id: optionalId,
  customer: z.looseObject({ id: optionalId, email, external_id: optionalId }),
  customer_id: optionalId,
  created_at: timestamp,
  updated_at: timestamp,
  // Not in the SDK docs: the period end is read from the first of these that is present.
  current_period_end: timestamp,
  current_period_ends_at: timestamp,
  renews_at: timestamp,
  expires_at: timestamp,
});

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeIssue(issue: z.core.$ZodIssue, prefix: string, input: unknown): string {
  const path = [prefix, ...issue.path.map(String)].join(".");
  if (valueAt(input, issue.path) === undefined) return `missing required field ${path}`;
  return `invalid field ${path}: ${issue.message}`;
}

function fail(error: z.ZodError, prefix: string, input: unknown): ParseFailure {
  const first = error.issues[0];
  const reason = first === undefined ? `invalid ${prefix}` : describeIssue(first, prefix, input);
  return { ok: false, kind: "invalid_payload", reason };
}

function isLegacyInvoice(data: unknown): boolean {
  if (typeof data !== "object" || data === null) return false;
  const record = data as Record<string, unknown>;
  return (
    "customer_information" in record ||
    "product_variants" in record ||
    (typeof record.status === "object" && record.status !== null)
  );
}

function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function parseOrder(eventType: string, data: unknown, base: Partial<SellappEvent>): ParseResult {
  if (isLegacyInvoice(data)) {
    const parsed = legacyInvoice.safeParse(data);
    if (!parsed.success) return fail(parsed.error, "data", data);
    const invoice = parsed.data;
    const customerEmail =
      invoice.customer_information?.email ?? invoice.payment?.gateway?.data?.customer_email;
    if (customerEmail === undefined) {
      return {
        ok: false,
        kind: "invalid_payload",
        reason: "missing required field data.customer_information.email",
      };
    }
    const lineItems: SellappLineItem[] = invoice.product_variants.map((variant) =>
      compact({
        productId: variant.product_id,
        variantId: variant.id,
        subscriptionId: invoice.subscription_id,
      }),
    );
    return ok(eventType, "legacy_invoice", base, {
      orderId: invoice.id,
      subscriptionId: invoice.subscription_id,
      status: invoice.status.status.status.toUpperCase(),
      customer: compact({
        email: customerEmail,
        sellappCustomerId: invoice.customer_information?.id,
        externalId: invoice.customer_information?.external_id,
      }),
      lineItems,
      occurredAt: invoice.status.status.setAt ?? invoice.updated_at ?? invoice.created_at,
      amount: legacyAmount(invoice.payment?.gateway?.data?.total),
    });
  }
  const parsed = v2Order.safeParse(data);
  if (!parsed.success) return fail(parsed.error, "data", data);
  const order = parsed.data;
  const lineItems: SellappLineItem[] = order.line_items.map((item) =>
    compact({
      productId: item.product_id,
      variantId: item.product_variant_id,
      subscriptionId: item.subscription_id,
      status: item.status?.toUpperCase(),
    }),
  );
  return ok(eventType, "v2_order", base, {
    orderId: order.id,
    subscriptionId: lineItems.find((item) => item.subscriptionId !== undefined)?.subscriptionId,
    status: order.status.toUpperCase(),
    customer: compact({
      email: order.customer.email,
      sellappCustomerId: order.customer.id,
      externalId: order.customer.external_id,
    }),
    lineItems,
    occurredAt: order.updated_at ?? order.created_at,
    amount:
      order.totals === undefined
        ? undefined
        : { cents: order.totals.total_cents, currency: order.totals.currency },
  });
}

function legacyAmount(
  total: { base: string | number; currency: string } | undefined,
): SellappAmount | undefined {
  return total === undefined
    ? undefined
    : { cents: majorToCents(total.base), currency: total.currency };
}

function parseSubscription(
  eventType: string,
  data: unknown,
  base: Partial<SellappEvent>,
): ParseResult {
  const parsed = subscription.safeParse(data);
  if (!parsed.success) return fail(parsed.error, "data", data);
  const sub = parsed.data;
  return ok(eventType, "subscription", base, {
    subscriptionId: sub.id,
    status: sub.status?.toUpperCase(),
    customer: compact({
      email: sub.customer.email,
      sellappCustomerId: sub.customer.id ?? sub.customer_id,
      externalId: sub.customer.external_id,
    }),
    lineItems:
      sub.product_variant_id === undefined && sub.product_id === undefined
        ? []
        : [
            compact({
              productId: sub.product_id,
              variantId: sub.product_variant_id,
              subscriptionId: sub.id,
            }),
          ],
    periodEnd:
      sub.current_period_end ?? sub.current_period_ends_at ?? sub.renews_at ?? sub.expires_at,
    occurredAt: sub.updated_at ?? sub.created_at,
  });
}

function ok(
  eventType: string,
  shape: PayloadShape,
  base: Partial<SellappEvent>,
  fields: Omit<SellappEvent, "eventType" | "known" | "shape">,
): ParseResult {
  return {
    ok: true,
    event: compact({ ...base, ...fields, eventType, known: true, shape }),
  };
}

/** Parses an already-decoded JSON value (the envelope). */
export function parseSellappPayload(json: unknown): ParseResult {
  const parsedEnvelope = envelope.safeParse(json);
  if (!parsedEnvelope.success) return fail(parsedEnvelope.error, "body", json);
  const { event: eventType, data, version } = parsedEnvelope.data;
  const base: Partial<SellappEvent> = version === undefined ? {} : { version: String(version) };
  const category = eventCategory(eventType);
  if (category === "order" || category === "subscription") {
    if (typeof data !== "object" || data === null || Array.isArray(data)) {
      return {
        ok: false,
        kind: "invalid_payload",
        reason: "missing required field data (an object)",
      };
    }
    return category === "order"
      ? parseOrder(eventType, data, base)
      : parseSubscription(eventType, data, base);
  }
  // Informational or unknown: record what we can read, never fail on the data's shape.
  const record = typeof data === "object" && data !== null ? (data as Record<string, unknown>) : {};
  const dataId = optionalId.safeParse(record.id);
  return {
    ok: true,
    event: compact({
      ...base,
      eventType,
      known: category === "informational",
      shape: "other" as const,
      orderId: undefined,
      subscriptionId: undefined,
      customer: {},
      lineItems: [],
      ...(dataId.success && dataId.data !== undefined ? { dataId: dataId.data } : {}),
    }),
  };
}

/** Parses the raw body text: JSON first (400 "malformed JSON"), then the envelope and payload. */
export function parseSellappBody(rawBody: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, kind: "malformed_json", reason: `malformed JSON: ${detail}` };
  }
  return parseSellappPayload(json);
}
