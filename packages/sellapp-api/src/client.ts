import { z } from "zod";
import { SellappApiError, SellappAuthError, SellappResponseError } from "./errors";
import { backoffMs, isRetryableStatus, retryAfterMs } from "./retry-policy";
import {
  type TOrder,
  type TPage,
  type TSubscription,
  ZOrder,
  ZPage,
  ZSubscription,
} from "./schemas";

/** Sell.app's production API; offline, SELLAPP_API_URL points at packages/sellapp-emulator. */
export const SELLAPP_DEFAULT_API_URL = "https://sell.app/api";
/** Sell.app pages hold 15 items by default and at most 100. */
export const SELLAPP_MAX_PAGE_SIZE = 100;

export type SellappClientOptions = {
  apiKey: string;
  /** Base URL up to and excluding `/v2` (default https://sell.app/api). */
  baseUrl?: string;
  /** Store slug (X-STORE header), needed only when the key spans several stores. */
  store?: string;
  /** Retries after the first attempt for 408/409/429/5xx and network errors (default 4). */
  maxRetries?: number;
  /** Backoff base when there is no Retry-After (default 500 ms). */
  backoffBaseMs?: number;
  pageSize?: number;
  /** Per-attempt timeout (default 30 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Called before each retry; never receives the key. */
  onRetry?: (info: { path: string; attempt: number; status?: number; waitMs: number }) => void;
};

export type SellappClient = ReturnType<typeof createSellappClient>;

function validateBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SELLAPP_API_URL is not a URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`SELLAPP_API_URL must be http(s), got ${url.protocol}`);
  }
  return url.toString().replace(/\/+$/, "");
}

/**
 * A small Sell.app v2 API client: Bearer key, zod-validated pages, page-number pagination
 * (`?page=&limit=`, `meta.last_page`), retries with backoff on 408/409/429/5xx honouring
 * Retry-After, and errors that say what to fix (401 names SELLAPP_API_KEY). Pure apart from
 * `fetch`, so it runs in Node, in Convex actions and in tests against the emulator.
 */
export function createSellappClient(options: SellappClientOptions) {
  if (options.apiKey.trim() === "") {
    throw new Error("SELLAPP_API_KEY is empty: create an API key in Sell.app and set it");
  }
  const baseUrl = validateBaseUrl(options.baseUrl ?? SELLAPP_DEFAULT_API_URL);
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const maxRetries = options.maxRetries ?? 4;
  const backoffBase = options.backoffBaseMs ?? 500;
  const pageSize = Math.min(
    SELLAPP_MAX_PAGE_SIZE,
    Math.max(1, options.pageSize ?? SELLAPP_MAX_PAGE_SIZE),
  );
  const timeoutMs = options.timeoutMs ?? 30_000;
  const headers: Record<string, string> = {
    authorization: `Bearer ${options.apiKey}`,
    accept: "application/json",
    ...(options.store === undefined ? {} : { "X-STORE": options.store }),
  };

  async function getJson<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> {
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}${path}`, {
          headers,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        if (attempt > maxRetries) {
          const detail = error instanceof Error ? error.message : String(error);
          throw new SellappApiError(`Sell.app ${path} unreachable: ${detail}`, undefined, path);
        }
        const waitMs = backoffMs(attempt, backoffBase, random);
        options.onRetry?.({ path, attempt, waitMs });
        await sleep(waitMs);
        continue;
      }
      if (response.status === 401 || response.status === 403) {
        await response.body?.cancel();
        throw new SellappAuthError(response.status, path);
      }
      if (!response.ok) {
        const text = (await response.text()).slice(0, 300);
        if (!isRetryableStatus(response.status) || attempt > maxRetries) {
          throw new SellappApiError(
            `Sell.app ${path} answered ${response.status}` +
              (attempt > 1 ? ` after ${attempt} attempts` : "") +
              (text === "" ? "" : `: ${text}`),
            response.status,
            path,
          );
        }
        const waitMs =
          retryAfterMs(response.headers.get("retry-after"), Date.now()) ??
          backoffMs(attempt, backoffBase, random);
        options.onRetry?.({ path, attempt, status: response.status, waitMs });
        await sleep(waitMs);
        continue;
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new SellappResponseError(path, "body is not JSON");
      }
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue === undefined ? "" : `${issue.path.join(".")}: ${issue.message}`;
        throw new SellappResponseError(path, where);
      }
      return parsed.data;
    }
  }

  function listPage<T extends z.ZodType>(resource: string, item: T, page: number) {
    return getJson(`/v2/${resource}?page=${page}&limit=${pageSize}`, ZPage(item)) as Promise<
      TPage<z.infer<T>>
    >;
  }

  /** Every item of a list, page by page, until `meta.last_page`. */
  async function* walk<T extends z.ZodType>(resource: string, item: T): AsyncGenerator<z.infer<T>> {
    for (let page = 1; ; page++) {
      const result = await listPage(resource, item, page);
      for (const entry of result.data) yield entry;
      if (page >= result.meta.last_page || result.data.length === 0) return;
    }
  }

  return {
    baseUrl,
    listOrdersPage: (page: number) => listPage("orders", ZOrder, page),
    listSubscriptionsPage: (page: number) => listPage("subscriptions", ZSubscription, page),
    orders: (): AsyncGenerator<TOrder> => walk("orders", ZOrder),
    subscriptions: (): AsyncGenerator<TSubscription> => walk("subscriptions", ZSubscription),
    /** One order, as `{ data: order }`. */
    getOrder: async (orderId: string): Promise<TOrder> =>
      (await getJson(`/v2/orders/${encodeURIComponent(orderId)}`, z.looseObject({ data: ZOrder })))
        .data,
  };
}
