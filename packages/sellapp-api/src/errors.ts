/** Errors the client throws, each naming what to fix. Never carries the API key. */

export class SellappApiError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly path: string,
  ) {
    super(message);
    this.name = "SellappApiError";
  }
}

/** 401/403: the key is wrong, revoked, or lacks the permission. Retrying will not help. */
export class SellappAuthError extends SellappApiError {
  constructor(status: number, path: string) {
    super(
      status === 401
        ? `Sell.app refused the API key (401 on ${path}): set SELLAPP_API_KEY to a valid key ` +
            `(Sell.app → Settings → Developers → API keys) and check SELLAPP_API_URL points at the right host`
        : `Sell.app denied access (403 on ${path}): give the API key read access to orders and ` +
            `subscriptions of this store (and set SELLAPP_STORE if the key spans several stores)`,
      status,
      path,
    );
    this.name = "SellappAuthError";
  }
}

/** A 2xx whose body is not what we rely on: the API changed, or the URL is not Sell.app. */
export class SellappResponseError extends SellappApiError {
  constructor(path: string, detail: string) {
    super(`unexpected response from Sell.app ${path}: ${detail}`, undefined, path);
    this.name = "SellappResponseError";
  }
}
