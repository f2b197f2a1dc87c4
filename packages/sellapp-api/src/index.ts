export {
  createSellappClient,
  SELLAPP_DEFAULT_API_URL,
  SELLAPP_MAX_PAGE_SIZE,
  type SellappClient,
  type SellappClientOptions,
} from "./client";
export { SellappApiError, SellappAuthError, SellappResponseError } from "./errors";
export { backoffMs, isRetryableStatus, RETRY_AFTER_CAP_MS, retryAfterMs } from "./retry-policy";
export { type TOrder, type TSubscription, ZOrder, ZSubscription } from "./schemas";
