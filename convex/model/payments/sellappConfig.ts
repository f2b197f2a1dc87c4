import { optionalEnv } from "../shared/env";

/** Default cap on a webhook body: Sell.app payloads are a few KiB. */
export const DEFAULT_MAX_WEBHOOK_BYTES = 256 * 1024;

/** SELLAPP_WEBHOOK_MAX_BYTES, or 256 KiB. */
export function maxWebhookBytes(): number {
  const configured = Number(optionalEnv("SELLAPP_WEBHOOK_MAX_BYTES"));
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_WEBHOOK_BYTES;
}

/**
 * The signing secrets to accept: SELLAPP_WEBHOOK_SECRET, plus SELLAPP_WEBHOOK_SECRET_PREVIOUS during
 * a rotation window. Empty when none is configured.
 */
export function sellappWebhookSecrets(): string[] {
  return [
    optionalEnv("SELLAPP_WEBHOOK_SECRET"),
    optionalEnv("SELLAPP_WEBHOOK_SECRET_PREVIOUS"),
  ].filter((secret): secret is string => secret !== undefined);
}
