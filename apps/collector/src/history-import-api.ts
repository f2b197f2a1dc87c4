import type { ConvexClient } from "convex/browser";
import type { FunctionArgs, FunctionReturnType } from "convex/server";
import { api } from "./convex-api.js";
import { describeError, isPermanentConvexError } from "./ingest-api.js";
import type { Logger } from "./logger.js";
import { retry } from "./retry.js";

export type ClaimedImport = NonNullable<FunctionReturnType<typeof api.historyImportJobs.claim>>;
export type ImportState = FunctionReturnType<typeof api.historyImportJobs.commitPage>;
export type PageProgress = Omit<
  FunctionArgs<typeof api.historyImportJobs.commitPage>,
  "secret" | "importId" | "owner" | "leaseMs"
>;

const RETRY = { attempts: 8, baseDelayMs: 250, maxDelayMs: 10_000 };
const RELEASE_RETRY = { attempts: 3, baseDelayMs: 250, maxDelayMs: 1_000 };

/**
 * The collector's port to the history-import jobs (convex/historyImportJobs.ts). Every call carries
 * the service secret and the instance's name, and is retried with backoff on anything but a
 * ConvexError (LEASE_LOST, a refused input): those are answers, not outages.
 */
export class HistoryImportApi {
  constructor(
    private readonly client: ConvexClient,
    private readonly secret: string,
    private readonly owner: string,
    private readonly leaseMs: number,
    private readonly logger: Logger,
  ) {}

  claim(): Promise<ClaimedImport | null> {
    return this.call("claim", () =>
      this.client.mutation(api.historyImportJobs.claim, {
        secret: this.secret,
        owner: this.owner,
        leaseMs: this.leaseMs,
      }),
    );
  }

  commitPage(importId: ClaimedImport["importId"], progress: PageProgress): Promise<ImportState> {
    return this.call("commitPage", () =>
      this.client.mutation(api.historyImportJobs.commitPage, {
        secret: this.secret,
        importId,
        owner: this.owner,
        leaseMs: this.leaseMs,
        ...progress,
      }),
    );
  }

  finish(importId: ClaimedImport["importId"], error?: string): Promise<ImportState> {
    return this.call("finish", () =>
      this.client.mutation(api.historyImportJobs.finish, {
        secret: this.secret,
        importId,
        owner: this.owner,
        ...(error === undefined ? {} : { error }),
      }),
    );
  }

  /**
   * Hands the import back on a graceful stop. Few attempts: the process is exiting, and if this
   * fails the lease still runs out on its own.
   */
  release(importId: ClaimedImport["importId"]): Promise<ImportState> {
    return this.call(
      "release",
      () =>
        this.client.mutation(api.historyImportJobs.release, {
          secret: this.secret,
          importId,
          owner: this.owner,
        }),
      RELEASE_RETRY,
    );
  }

  private call<T>(name: string, run: () => Promise<T>, policy = RETRY): Promise<T> {
    return retry(() => run(), {
      ...policy,
      isRetryable: (error) => !isPermanentConvexError(error),
      onRetry: ({ attempt, delayMs, error }) =>
        this.logger.warn(
          {
            event: "convex.retry",
            fn: `historyImportJobs.${name}`,
            attempt,
            delayMs,
            err: describeError(error),
          },
          "Convex call failed, retrying",
        ),
    });
  }
}
