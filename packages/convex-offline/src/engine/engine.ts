// One loaded Convex app: the vendored convex-test engine over our indexed store.
// `load` can be called again (watch mode) with the same store to swap in new code.
import { AsyncLocalStorage } from "node:async_hooks";
import type { GenericSchema, SchemaDefinition } from "convex/server";
import { type Value } from "convex/values";
import {
  type DocumentChange,
  type DocumentStore,
  type IndexDefinition,
} from "../storage/documentStore.js";
import { type FileStore } from "../storage/fileStore.js";
import {
  type DatabaseOptions,
  IndexedDatabase,
  type SchemaTables,
} from "../storage/indexedDatabase.js";
import { type ReadSet } from "../storage/readSet.js";
import { type LoadedModules, importEveryModule, loadModules } from "./modules.js";
import { type LoadedComponent, loadComponents } from "./componentModules.js";
import { storeTable } from "../storage/tableNamespace.js";
import { checkDeployable, loadSchemaExport } from "./deployChecks.js";
import { type ResolvedFunction, resolveFunction } from "./functions.js";
import {
  type EngineAccessor,
  type EngineInstance,
  type ExportedTable,
  type ScheduledJobDoc,
  type UserIdentityInput,
  convexTest,
  validateValidator,
} from "./vendor/convexTest.js";
import { outsideFunctions } from "./context.js";
import { systemError } from "./systemErrors.js";
import { DEFAULT_TIME_LIMITS, type TimeLimits, limitFor } from "./timeLimits.js";
import { type LogSink, capturingConsole } from "./functionLogs.js";

export type Identity = UserIdentityInput;
export type EngineUrls = {
  readonly uploadUrl: () => string;
  readonly storageUrl: (id: string) => string;
};
export type CommitListener = (changes: DocumentChange[], ts: bigint) => void;

type ExportableSchema = SchemaDefinition<GenericSchema, boolean> & {
  tables: Record<string, { export(): ExportedTable }>;
  schemaValidation: boolean;
};

const readSetStorage = new AsyncLocalStorage<ReadSet>();

function nowNanos(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}

export type SchemaViolation = {
  readonly table: string;
  readonly id: string;
  readonly error: string;
};

/** Existing documents the (new) schema rejects: a push to Convex would fail on them. */
function findSchemaViolations(
  store: DocumentStore,
  tables: SchemaTables | null,
): SchemaViolation[] {
  const violations: SchemaViolation[] = [];
  for (const [table, exported] of tables ?? []) {
    for (const doc of store.docs(table)) {
      const { _id, _creationTime, ...fields } = doc;
      try {
        validateValidator(exported.documentType, fields);
      } catch (error) {
        violations.push({
          table,
          id: doc._id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
  return violations;
}

export class Engine {
  /** Stored documents that violate the loaded schema (reported, not fatal). */
  schemaViolations: SchemaViolation[] = [];
  /** Clients get `[Request ID: …] Server Error` only, as from a production deployment. */
  redactErrors = false;
  private constructor(
    readonly functionsDir: string,
    private readonly modules: LoadedModules,
    private readonly instance: EngineInstance,
    readonly schemaTables: SchemaTables | null,
    private readonly clock: { ts: bigint },
    private readonly dbs: Map<string, IndexedDatabase>,
    private readonly components: readonly LoadedComponent[],
  ) {}

  static async load(options: {
    functionsDir: string;
    store: DocumentStore;
    files: FileStore;
    urls: EngineUrls;
    clock: { ts: bigint };
    onCommit: CommitListener;
    /** Receives console output of functions (default: dropped). */
    logSink?: LogSink;
    /** Report failures to clients without their details (see errorReport.ts). */
    redactErrors?: boolean;
    /** Wall-clock limits of one function run (timeLimits.ts). */
    timeLimits?: TimeLimits;
  }): Promise<Engine> {
    const timeLimits = options.timeLimits ?? DEFAULT_TIME_LIMITS;
    const modules = await loadModules(options.functionsDir);
    let schema: ExportableSchema | null;
    let components: LoadedComponent[] = [];
    try {
      await importEveryModule(modules, (modulePath) => `convex/${modulePath}`);
      await checkDeployable(modules);
      schema = (await loadSchemaExport(modules)) as ExportableSchema | null;
      components = await loadComponents(options.functionsDir);
    } catch (error) {
      await modules.dispose();
      throw error;
    }
    const schemaTables = schema
      ? new Map(Object.entries(schema.tables).map(([name, table]) => [name, table.export()]))
      : null;
    const declared = new Map<string, IndexDefinition[]>();
    for (const [table, exported] of schemaTables ?? []) {
      declared.set(
        table,
        exported.indexes.map((index) => ({ name: index.indexDescriptor, fields: index.fields })),
      );
    }
    // A component's tables are indexed under their namespaced store keys.
    for (const component of components) {
      for (const [table, exported] of component.tables ?? []) {
        declared.set(
          storeTable(component.path, table),
          exported.indexes.map((index) => ({ name: index.indexDescriptor, fields: index.fields })),
        );
      }
    }
    options.store.setIndexes(declared);
    const schemaViolations =
      schema?.schemaValidation === false ? [] : findSchemaViolations(options.store, schemaTables);
    const clock = options.clock;
    const functionConsole = capturingConsole(console, options.logSink ?? (() => {}));
    const dbs = new Map<string, IndexedDatabase>();
    // One top-level commit writes the app's and the components' databases one after another;
    // their changes are gathered and reported once, as one commit (one commit-log record, so a
    // crash can never keep the app's half of a transaction without the component's).
    let batch: { changes: DocumentChange[]; ts: bigint | null } | null = null;
    const report = (changes: DocumentChange[], commitTs: bigint | null): void => {
      const ts = commitTs !== null && commitTs > clock.ts ? commitTs : clock.ts + 1n;
      clock.ts = ts;
      if (changes.length > 0) options.onCommit(changes, ts);
    };
    const schemas = new Map<string, DatabaseOptions["schema"]>([
      [
        "",
        schemaTables
          ? { schemaValidation: schema?.schemaValidation ?? true, tables: schemaTables }
          : null,
      ],
    ]);
    for (const component of components) {
      schemas.set(
        component.path,
        component.tables
          ? {
              schemaValidation: component.schema?.schemaValidation ?? true,
              tables: component.tables,
            }
          : null,
      );
    }
    const instance = convexTest({
      modules: modules.map,
      createDatabase: (_schema, componentPath) => {
        const db = new IndexedDatabase({
          store: options.store,
          files: options.files,
          schema: schemas.get(componentPath) ?? null,
          componentPath,
          currentReadSet: () => readSetStorage.getStore(),
          onCommit: (changes, commitTs) => {
            if (batch === null) {
              report(changes, commitTs);
              return;
            }
            batch.changes.push(...changes);
            batch.ts = commitTs;
          },
        });
        dbs.set(componentPath, db);
        return db;
      },
      hooks: {
        uploadUrl: options.urls.uploadUrl,
        storageUrl: options.urls.storageUrl,
        wrapScheduledRun: (run) => outsideFunctions(run),
        console: () => functionConsole,
        observeIdentity: () => {
          const readSet = readSetStorage.getStore();
          if (readSet !== undefined) readSet.identityObserved = true;
        },
        timeLimitMs: (udfType) => limitFor(timeLimits, udfType),
        commitBatch: (commitAll) => {
          batch = { changes: [], ts: null };
          try {
            commitAll();
          } finally {
            const { changes, ts } = batch;
            batch = null;
            report(changes, ts);
          }
        },
      },
    });
    for (const component of components) {
      instance.registerComponent(component.path, component.schema, component.modules.map);
    }
    const engine = new Engine(
      options.functionsDir,
      modules,
      instance,
      schemaTables,
      clock,
      dbs,
      components,
    );
    engine.schemaViolations = schemaViolations;
    engine.redactErrors = options.redactErrors ?? false;
    return engine;
  }

  static initialClock(): { ts: bigint } {
    return { ts: nowNanos() };
  }

  get ts(): bigint {
    return this.clock.ts;
  }

  /** Resolves a function of the app, or of an installed component (admin calls). */
  resolve(path: string, componentPath = ""): Promise<ResolvedFunction> {
    if (componentPath === "") return resolveFunction(this.modules.importModule, path);
    const component = this.components.find((installed) => installed.path === componentPath);
    if (component === undefined) {
      return Promise.reject(
        systemError(`No component is installed at path "${componentPath}".`, 0),
      );
    }
    return resolveFunction(component.modules.importModule, path);
  }

  importModule(modulePath: string): Promise<Record<string, unknown>> {
    return this.modules.importModule(modulePath);
  }

  hasModule(modulePath: string): boolean {
    return this.modules.modulePaths.includes(modulePath);
  }

  /** The auth.config.ts default export, or null when the app has none. */
  async authConfig(): Promise<unknown> {
    const loaded =
      this.modules.importFile("auth.config.ts") ?? this.modules.importFile("auth.config.js");
    if (loaded === null) return null;
    const module = await loaded;
    return module.default ?? null;
  }

  private accessor(identity: Identity | null): EngineAccessor {
    return identity === null ? this.instance : this.instance.withIdentity(identity);
  }

  /** Runs a query; with a read set, records what it read for invalidation. */
  runQuery(
    udfPath: string,
    args: Record<string, Value>,
    identity: Identity | null,
    readSet?: ReadSet,
    componentPath = "",
  ): Promise<Value> {
    const run = () => this.accessor(identity).queryFromPath({ udfPath, componentPath }, args);
    return readSet ? readSetStorage.run(readSet, run) : readSetStorage.exit(run);
  }

  runMutation(
    udfPath: string,
    args: Record<string, Value>,
    identity: Identity | null,
    componentPath = "",
  ): Promise<Value> {
    return this.runOutsideReadSet("mutationFromPath", identity, { udfPath, componentPath }, args);
  }

  runAction(
    udfPath: string,
    args: Record<string, Value>,
    identity: Identity | null,
    componentPath = "",
  ): Promise<Value> {
    return this.runOutsideReadSet("actionFromPath", identity, { udfPath, componentPath }, args);
  }

  /**
   * Mutations and actions run outside any read set: the read set travels with the async context,
   * so without this one started from a context a query ran in would record its reads into that
   * query's subscription.
   */
  private runOutsideReadSet(
    kind: "mutationFromPath" | "actionFromPath",
    identity: Identity | null,
    path: { udfPath: string; componentPath: string },
    args: Record<string, Value>,
  ): Promise<Value> {
    return readSetStorage.exit(() => this.accessor(identity)[kind](path, args));
  }

  /** Runs an HTTP action from convex/http.ts. */
  fetch(request: Request, identity: Identity | null): Promise<Response> {
    return readSetStorage.exit(() => this.accessor(identity).fetch(request));
  }

  /** Stores uploaded bytes as a `_storage` file, in its own transaction. */
  storeFile(bytes: Uint8Array, contentType: string | null): Promise<string> {
    const blob = new Blob([bytes.slice()], contentType ? { type: contentType } : {});
    return readSetStorage.exit(() =>
      this.instance.run((ctx) =>
        (ctx as { storage: { store(b: Blob): Promise<string> } }).storage.store(blob),
      ),
    );
  }

  /** The app's ("") or a component's database (only use inside `transact`). */
  database(componentPath = ""): IndexedDatabase {
    const db = this.dbs.get(componentPath);
    if (db === undefined) throw new Error(`no database for component "${componentPath}"`);
    return db;
  }

  /** Paths of the installed components ("rateLimiter", "parent/child"). */
  get componentPaths(): readonly string[] {
    return this.components.map((component) => component.path);
  }

  /** Runs a write against the database in its own transaction (system bookkeeping). */
  transact<T>(fn: () => T): Promise<T> {
    return readSetStorage.exit(() => this.instance.run(() => Promise.resolve(fn())));
  }

  /**
   * Runs fn holding the commit gate (commits wait; running functions do not) so the queries it
   * runs one after another all see the same committed state (one Transition = one snapshot).
   * fn must only run queries.
   */
  holdForReads<T>(fn: () => Promise<T>): Promise<T> {
    return readSetStorage.exit(() => this.instance.holdForReads(fn));
  }

  armScheduledJob(job: ScheduledJobDoc, componentPath = ""): void {
    this.instance.armScheduledJob(job, componentPath);
  }

  async close(): Promise<void> {
    this.instance.cancelAllTimers();
    await this.modules.dispose();
    await Promise.all(this.components.map((component) => component.modules.dispose()));
  }

  async settleScheduled(): Promise<void> {
    await this.instance.finishInProgressScheduledFunctions();
  }
}
