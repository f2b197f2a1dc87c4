// Durable documents: a snapshot (one document per line) plus an append-only commit log.
// Startup loads the snapshot, replays the log, then compacts both into a new snapshot.
// Each commit is appended synchronously before its result is reported to any client.
// While running, a log grown past its limit is folded into a new snapshot in the background
// (compactInBackground): the log is set aside, commits go on into a fresh one, and the
// snapshot is written in short slices between them.
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  openSync,
  closeSync,
  fsyncSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { type JSONValue, type Value, convexToJson, jsonToConvex } from "convex/values";
import { type Doc } from "../engine/vendor/convexTest.js";
import { type DocumentChange } from "./documentStore.js";
import { documentJson } from "./documentFacts.js";

const SNAPSHOT = "snapshot.jsonl";
const LOG = "commits.jsonl";
/** The log a background compaction is folding in (replayed before LOG until the snapshot lands). */
const COMPACTING_LOG = "commits.compacting.jsonl";
const FORMAT_VERSION = 1;
/** The log is folded into a new snapshot once it grows past this. */
const COMPACT_AFTER_BYTES = 64 * 1024 * 1024;
/** Longest a background compaction serializes documents before letting commits in. */
const COMPACT_SLICE_MS = 4;

export type PersistenceOptions = {
  /** Fold the log into a new snapshot once it passes this many bytes (default 64 MB). */
  readonly compactAfterBytes?: number;
};

export class CorruptDataError extends Error {}

export type LoadedState = { docs: Doc[]; skippedLines: number };

function parseDoc(json: JSONValue): Doc {
  return jsonToConvex(json) as Doc;
}

function snapshotHeader(): string {
  return JSON.stringify({ version: FORMAT_VERSION, writtenAt: new Date().toISOString() });
}

function snapshotLine(doc: Doc): string {
  return JSON.stringify(convexToJson(doc));
}

export class Persistence {
  private readonly snapshotPath: string;
  private readonly logPath: string;
  private readonly compactingLogPath: string;
  private readonly compactAfterBytes: number;
  private logBytes = 0;
  /** The log, held open for appends (one write per commit, not an open and close each time). */
  private logFd: number | null = null;
  /** The background compaction under way, if any. */
  private compacting: Promise<void> | null = null;
  /** Bumped by every synchronous compaction: a background one that started before it is void. */
  private generation = 0;

  constructor(
    readonly directory: string,
    options: PersistenceOptions = {},
  ) {
    mkdirSync(directory, { recursive: true });
    this.snapshotPath = join(directory, SNAPSHOT);
    this.logPath = join(directory, LOG);
    this.compactingLogPath = join(directory, COMPACTING_LOG);
    this.compactAfterBytes = options.compactAfterBytes ?? COMPACT_AFTER_BYTES;
  }

  /**
   * Reads the snapshot and replays the logs: the one a background compaction was folding in (when
   * it did not finish), then the current one. A torn last log line (crash) is skipped.
   */
  load(): LoadedState {
    const docs = new Map<string, Doc>();
    let skippedLines = 0;
    if (existsSync(this.snapshotPath)) {
      const lines = readFileSync(this.snapshotPath, "utf8").split("\n");
      lines.slice(1).forEach((line, index) => {
        if (line === "") return;
        try {
          const doc = parseDoc(JSON.parse(line) as JSONValue);
          docs.set(doc._id, doc);
        } catch (error) {
          throw new CorruptDataError(
            `${this.snapshotPath} line ${index + 2} is unreadable (${error instanceof Error ? error.message : String(error)}). Restore it, or start over with --reset.`,
          );
        }
      });
    }
    for (const logPath of [this.compactingLogPath, this.logPath]) {
      if (!existsSync(logPath)) continue;
      for (const line of readFileSync(logPath, "utf8").split("\n")) {
        if (line === "") continue;
        let entry: { w: [string, JSONValue | null][] };
        try {
          entry = JSON.parse(line) as { w: [string, JSONValue | null][] };
        } catch {
          skippedLines += 1;
          continue;
        }
        for (const [id, json] of entry.w) {
          if (json === null) docs.delete(id);
          else docs.set(id, parseDoc(json));
        }
      }
    }
    return { docs: [...docs.values()], skippedLines };
  }

  /** Appends one commit. */
  append(changes: readonly DocumentChange[], commitTs: bigint | null): void {
    if (changes.length === 0) return;
    // The documents' JSON is the same the reads serve (remembered per version), so the first read
    // of a new version costs nothing more.
    const w = changes.map(
      (c) =>
        `[${JSON.stringify(c.id)},${c.after === null ? "null" : documentJson(c.after as Record<string, Value>)}]`,
    );
    const line = `{"ts":${JSON.stringify(String(commitTs ?? 0n))},"w":[${w.join(",")}]}\n`;
    this.logFd ??= openSync(this.logPath, "a");
    const bytes = Buffer.from(line);
    for (let written = 0; written < bytes.length;) {
      written += writeSync(this.logFd, bytes, written);
    }
    this.logBytes += bytes.length;
  }

  /** Lets go of the log file (the backend stopped). Appending again reopens it. */
  close(): void {
    if (this.logFd !== null) closeSync(this.logFd);
    this.logFd = null;
  }

  private get backgroundSnapshotPath(): string {
    return `${this.snapshotPath}.background.tmp`;
  }

  /** The log has outgrown its limit and no background compaction is folding it in yet. */
  get shouldCompact(): boolean {
    return this.compacting === null && this.logBytes > this.compactAfterBytes;
  }

  /** Writes a full snapshot atomically and empties the logs (startup, shutdown). */
  compact(docs: Iterable<Doc>): void {
    this.generation += 1; // a background compaction still writing is superseded by this one
    const temporary = `${this.snapshotPath}.tmp`;
    const parts = [snapshotHeader()];
    for (const doc of docs) parts.push(snapshotLine(doc));
    writeFileSync(temporary, parts.join("\n") + "\n");
    const fd = openSync(temporary, "r");
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temporary, this.snapshotPath);
    rmSync(this.compactingLogPath, { force: true });
    rmSync(this.backgroundSnapshotPath, { force: true });
    writeFileSync(this.logPath, "");
    this.logBytes = 0;
  }

  /**
   * Folds the log into a new snapshot of `docs` (the documents as of now) without holding up
   * commits: the log is set aside as the compacting log and appends go on into a fresh one; the
   * snapshot is serialized in slices of a few milliseconds with the event loop free in between,
   * written beside the old one, synced and renamed over it; only then is the compacting log
   * removed. A crash at any point leaves the old snapshot with both logs, or the new snapshot with
   * logs whose replay over it changes nothing it already holds — documents are written whole, so
   * replaying an older write of a document that a later one overwrites ends on the later one.
   */
  compactInBackground(docs: readonly Doc[]): Promise<void> {
    if (this.compacting !== null) return this.compacting;
    this.close();
    if (existsSync(this.compactingLogPath)) {
      // A compaction that failed left its log: this one folds in both, oldest first.
      if (existsSync(this.logPath))
        appendFileSync(this.compactingLogPath, readFileSync(this.logPath));
      rmSync(this.logPath, { force: true });
    } else if (existsSync(this.logPath)) {
      renameSync(this.logPath, this.compactingLogPath);
    }
    this.logBytes = 0;
    const generation = this.generation;
    const done = this.writeSnapshotInSlices(docs, generation).finally(() => {
      this.compacting = null;
    });
    this.compacting = done;
    return done;
  }

  private async writeSnapshotInSlices(docs: readonly Doc[], generation: number): Promise<void> {
    const temporary = this.backgroundSnapshotPath;
    const file = await open(temporary, "w");
    try {
      await file.write(`${snapshotHeader()}\n`);
      for (let next = 0; next < docs.length;) {
        const sliceStarted = performance.now();
        const lines: string[] = [];
        while (next < docs.length && performance.now() - sliceStarted < COMPACT_SLICE_MS) {
          const doc = docs[next];
          next += 1;
          if (doc !== undefined) lines.push(snapshotLine(doc));
        }
        await file.write(`${lines.join("\n")}\n`);
      }
      await file.sync();
    } finally {
      await file.close();
    }
    if (generation !== this.generation) {
      // A synchronous compaction wrote a newer snapshot meanwhile and emptied the logs.
      rmSync(temporary, { force: true });
      return;
    }
    renameSync(temporary, this.snapshotPath);
    rmSync(this.compactingLogPath, { force: true });
  }
}
