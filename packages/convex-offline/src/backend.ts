// startBackend: the whole offline deployment (sync + HTTP API on `port`, HTTP actions on
// `sitePort`, persistence, scheduler, crons, optional hot reload) behind one handle.
import { performance } from "node:perf_hooks";
import { createServer, type Server } from "node:http";
import { type AddressInfo } from "node:net";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { loadOrCreateAdminKey } from "./auth/adminKey.js";
import { TokenVerifier } from "./auth/tokenVerifier.js";
import { outsideFunctions } from "./engine/context.js";
import { Engine } from "./engine/engine.js";
import { DEFAULT_TIME_LIMITS, type TimeLimits } from "./engine/timeLimits.js";
import { applyDeploymentEnv, readEnvFile } from "./env.js";
import { CronDriver } from "./crons.js";
import { createCloudHandler } from "./http/cloudServer.js";
import { createSiteHandler } from "./http/siteServer.js";
import { holdUntilReady } from "./http/startingGate.js";
import { StorageTokens } from "./http/storageTokens.js";
import { type Logger, errorMessage, jsonLogger } from "./log.js";
import { restoreScheduledJobs } from "./scheduler.js";
import { type DocumentChange, DocumentStore } from "./storage/documentStore.js";
import { type FileStore, diskFileStore, memoryFileStore } from "./storage/fileStore.js";
import { Persistence } from "./storage/persistence.js";
import { SYNC_PATH, SyncHub } from "./sync/syncHub.js";
import { watchFunctions } from "./watch.js";
import { scanEnvReferences, unsetNames } from "./envScan.js";

export const BACKEND_VERSION = "convex-offline/0.1.0 (convex 1.48.0 protocol)";

export type BackendOptions = {
  /** The Convex functions directory (e.g. ./convex). */
  readonly functionsDir: string;
  /** Deployment port (WebSocket sync + HTTP API + storage). 0 = any free port. Default 3210. */
  readonly port?: number;
  /** HTTP actions port. 0 = any free port. Default 3211. */
  readonly sitePort?: number;
  readonly host?: string;
  /** Data directory; null keeps everything in memory. */
  readonly dataDir?: string | null;
  /** Wipe the data directory first. */
  readonly reset?: boolean;
  /** Fold the data directory's commit log into a new snapshot past this size (default 64 MB). */
  readonly compactAfterBytes?: number;
  /** Deployment env vars for the functions (applied to process.env). */
  readonly env?: Record<string, string>;
  /** A dotenv file read before `env`. */
  readonly envFile?: string;
  /** Admin key to accept; default: stored in the data directory (or random in memory). */
  readonly adminKey?: string;
  /** Reload functions when files in functionsDir change. */
  readonly watch?: boolean;
  /** Run before each reload (e.g. codegen); failures are logged, not fatal. */
  readonly beforeReload?: () => Promise<void>;
  readonly logger?: Logger;
  /** WebSocket ping period (default 15 000 ms). */
  readonly pingIntervalMs?: number;
  /**
   * How long one slice of a subscription fan-out may hold the engine lock before mutations that
   * arrived meanwhile run (default 4 ms; see sync/syncHub.ts). Tests set 0 to interleave.
   */
  readonly flushSliceMs?: number;
  /**
   * Report failed calls to clients as a production deployment does: `[Request ID: …] Server
   * Error` without the error and without log lines (ConvexError data still travels). Default off:
   * the development deployment's full text.
   */
  readonly redactErrors?: boolean;
  /**
   * Wall-clock limits of one function run (default 30 s for a query or mutation, 10 min for an
   * action; see src/engine/timeLimits.ts for why not Convex's 1 s).
   */
  readonly timeLimits?: Partial<TimeLimits>;
};

export type Backend = {
  /** Deployment URL, e.g. http://127.0.0.1:3210 (NEXT_PUBLIC_CONVEX_URL / CONVEX_URL). */
  readonly url: string;
  /** HTTP actions URL, e.g. http://127.0.0.1:3211 (CONVEX_SITE_URL). */
  readonly siteUrl: string;
  readonly adminKey: string;
  /** Re-imports the functions (what --watch does on change). */
  reload(): Promise<void>;
  /** Closes every client socket from the server side (clients reconnect). */
  dropConnections(): void;
  /** Waits for scheduled functions that are currently running. */
  settleScheduled(): Promise<void>;
  close(): Promise<void>;
};

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new Error(
              `Port ${port} on ${host} is already in use: stop the other server or pick another port.`,
            )
          : error,
      );
    });
    server.listen(port, host, () => {
      server.removeAllListeners("error");
      resolvePort((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}

/** Backends alive in this process (env is process-wide, so more than one is worth a warning). */
const liveBackends = new Set<string>();

export async function startBackend(options: BackendOptions): Promise<Backend> {
  const logger = options.logger ?? jsonLogger();
  const host = options.host ?? "127.0.0.1";
  const functionsDir = resolve(options.functionsDir);
  const dataDir =
    options.dataDir === undefined || options.dataDir === null ? null : resolve(options.dataDir);
  if (options.reset && dataDir !== null) {
    rmSync(dataDir, { recursive: true, force: true });
    logger.log("info", "data.reset", { dataDir });
  }

  const store = new DocumentStore();
  const persistence =
    dataDir === null
      ? null
      : new Persistence(
          dataDir,
          options.compactAfterBytes === undefined
            ? {}
            : { compactAfterBytes: options.compactAfterBytes },
        );
  const files: FileStore =
    dataDir === null ? memoryFileStore() : diskFileStore(resolve(dataDir, "files"));
  if (persistence !== null) {
    const loaded = persistence.load();
    store.load(loaded.docs);
    persistence.compact(store.tableNames().flatMap((table) => [...store.docs(table)]));
    logger.log("info", "data.loaded", {
      dataDir,
      documents: loaded.docs.length,
      skippedLines: loaded.skippedLines,
    });
  }
  const adminKey = options.adminKey ?? loadOrCreateAdminKey(dataDir);
  const tokens = new StorageTokens(adminKey);

  let engine: Engine | null = null;
  let verifier = TokenVerifier.fromConfig(null, "", {});
  let hub: SyncHub | null = null;
  const currentEngine = (): Engine => {
    if (engine === null) throw new Error("The functions are not loaded yet.");
    return engine;
  };
  const started = Date.now();

  const cloudServer = createServer();
  const siteServer = createServer();
  const releaseCloud = holdUntilReady(cloudServer);
  const releaseSite = holdUntilReady(siteServer);
  const port = await listen(cloudServer, options.port ?? 3210, host);
  const sitePort = await listen(siteServer, options.sitePort ?? 3211, host);
  const url = `http://${host}:${port}`;
  const siteUrl = `http://${host}:${sitePort}`;

  const env: Record<string, string> = {
    ...(options.envFile ? readEnvFile(options.envFile) : {}),
    ...(options.env ?? {}),
    CONVEX_CLOUD_URL: url,
    CONVEX_SITE_URL: siteUrl,
  };
  if (liveBackends.size > 0) {
    logger.log("warn", "backend.shared_process_env", {
      others: [...liveBackends],
      hint: "process.env is shared: this backend's env (CONVEX_SITE_URL, JWT keys, …) now applies to the others too. Run one backend per process when their env differs.",
    });
  }
  liveBackends.add(url);
  applyDeploymentEnv(env);

  const allDocs = () => store.tableNames().flatMap((table) => [...store.docs(table)]);
  /** Folds the log into a new snapshot while commits go on (see Persistence.compactInBackground). */
  const compactInBackground = (target: Persistence): void => {
    const started = performance.now();
    const docs = allDocs();
    logger.log("info", "data.compacting", { dataDir, documents: docs.length });
    // Started from a commit: its slices must not run as part of the committing function.
    outsideFunctions(() => target.compactInBackground(docs)).then(
      () =>
        logger.log("info", "data.compacted", {
          dataDir,
          documents: docs.length,
          ms: Math.round(performance.now() - started),
        }),
      (error: unknown) =>
        logger.log("error", "data.compaction_failed", {
          dataDir,
          error: errorMessage(error),
          hint: "The commit log keeps every write and is replayed at the next start; check the disk (space, permissions).",
        }),
    );
  };
  const onCommit = (changes: DocumentChange[], ts: bigint): void => {
    persistence?.append(changes, ts);
    if (persistence?.shouldCompact) compactInBackground(persistence);
    for (const change of changes) {
      if (change.table === "_storage" && change.after === null) {
        files.remove(change.id).catch((error: unknown) => {
          logger.log("warn", "storage.delete_failed", {
            storageId: change.id,
            error: errorMessage(error),
          });
        });
      }
    }
    hub?.onCommit(changes);
  };
  const clock = Engine.initialClock();
  const loadEngine = async (): Promise<Engine> => {
    const next = await Engine.load({
      functionsDir,
      store,
      files,
      clock,
      onCommit,
      redactErrors: options.redactErrors ?? false,
      timeLimits: { ...DEFAULT_TIME_LIMITS, ...options.timeLimits },
      logSink: (level, line) =>
        logger.log(
          level === "ERROR" ? "error" : level === "WARN" ? "warn" : "info",
          "function.console",
          {
            level,
            line,
          },
        ),
      urls: {
        uploadUrl: () => `${url}/api/storage/upload?token=${tokens.uploadToken()}`,
        storageUrl: (id) => `${url}/api/storage/${id}?sig=${tokens.fileSignature(id)}`,
      },
    });
    verifier = TokenVerifier.fromConfig(await next.authConfig(), siteUrl, process.env);
    if (next.schemaViolations.length > 0) {
      logger.log("warn", "schema.stored_documents_invalid", {
        count: next.schemaViolations.length,
        examples: next.schemaViolations.slice(0, 5),
        hint: "Convex would refuse this schema. Migrate or delete these documents, or restart with --reset; writes to them fail validation until then.",
      });
    }
    return next;
  };

  try {
    engine = await loadEngine();
  } catch (error) {
    await Promise.all([closeServer(cloudServer), closeServer(siteServer)]);
    throw new Error(
      `Could not load the Convex functions in ${functionsDir}: ${errorMessage(error)}`,
      {
        cause: error,
      },
    );
  }
  const references = scanEnvReferences(functionsDir);
  const missingRequired = unsetNames(references.required, process.env);
  const unsetReferenced = unsetNames(references.referenced, process.env);
  if (missingRequired.length > 0) {
    logger.log("warn", "env.missing_required", {
      names: missingRequired,
      hint: "Code that reads these with requireEnv fails when it runs until they are set: add them to the env file (--env-file) or startBackend({ env }). The scan is static: names only your other settings reach (another email provider's keys, say) can stay unset.",
    });
  }
  if (unsetReferenced.length > 0)
    logger.log("info", "env.unset_optional", { names: unsetReferenced });
  hub = new SyncHub({
    engine: currentEngine,
    verifier: () => verifier,
    adminKey,
    logger,
    ...(options.pingIntervalMs !== undefined ? { pingIntervalMs: options.pingIntervalMs } : {}),
    ...(options.flushSliceMs !== undefined ? { flushSliceMs: options.flushSliceMs } : {}),
  });
  const syncHub = hub;

  const health = () => ({
    status: "ok",
    version: BACKEND_VERSION,
    url,
    siteUrl,
    functionsDir,
    persistent: dataDir !== null,
    uptimeSeconds: Math.round((Date.now() - started) / 1000),
    connections: syncHub.connectionCount,
  });
  releaseCloud();
  releaseSite();
  cloudServer.on(
    "request",
    createCloudHandler({
      engine: currentEngine,
      verifier: () => verifier,
      adminKey,
      store,
      files,
      tokens,
      logger,
      health,
    }),
  );
  cloudServer.on("upgrade", (request, socket, head) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (!SYNC_PATH.test(path)) {
      socket.destroy();
      return;
    }
    syncHub.handleUpgrade(request, socket, head);
  });
  siteServer.on(
    "request",
    createSiteHandler({
      engine: currentEngine,
      verifier: () => verifier,
      adminKey,
      siteUrl: () => siteUrl,
      logger,
    }),
  );

  let crons = new CronDriver(currentEngine, logger);
  try {
    await restoreScheduledJobs(currentEngine(), store, logger, true);
    await crons.start();
  } catch (error) {
    crons.stop();
    await syncHub.close();
    await Promise.all([closeServer(cloudServer), closeServer(siteServer)]);
    await engine.close();
    liveBackends.delete(url);
    throw new Error(`The backend could not start: ${errorMessage(error)}`, { cause: error });
  }

  let reloading: Promise<void> = Promise.resolve();
  const reload = (): Promise<void> => {
    reloading = reloading.then(async () => {
      try {
        await options.beforeReload?.();
      } catch (error) {
        logger.log("warn", "reload.before_failed", { error: errorMessage(error) });
      }
      let next: Engine;
      try {
        next = await loadEngine();
      } catch (error) {
        logger.log("error", "reload.failed", {
          error: errorMessage(error),
          hint: "Fix the error and save again; the previous version keeps serving.",
        });
        return;
      }
      try {
        const previous = engine;
        crons.stop();
        engine = next;
        await previous?.close();
        await restoreScheduledJobs(next, store, logger, false);
        crons = new CronDriver(currentEngine, logger);
        await crons.start();
        syncHub.invalidateAll();
        logger.log("info", "reload.done", { functionsDir });
      } catch (error) {
        logger.log("error", "reload.incomplete", { error: errorMessage(error) });
      }
    });
    return reloading;
  };
  const watcher = options.watch ? watchFunctions(functionsDir, () => void reload(), logger) : null;

  logger.log("info", "backend.started", { url, siteUrl, functionsDir, dataDir });
  let closing: Promise<void> | null = null;
  return {
    url,
    siteUrl,
    adminKey,
    reload,
    dropConnections: () => syncHub.dropConnections(),
    settleScheduled: () => currentEngine().settleScheduled(),
    close() {
      closing ??= (async () => {
        watcher?.close();
        crons.stop();
        await reloading;
        await syncHub.close();
        await Promise.all([closeServer(cloudServer), closeServer(siteServer)]);
        await engine?.close();
        persistence?.compact(allDocs());
        persistence?.close();
        liveBackends.delete(url);
        logger.log("info", "backend.stopped", { url });
      })();
      return closing;
    },
  };
}
