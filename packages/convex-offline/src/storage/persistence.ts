// Durable documents: a snapshot (one document per line) plus an append-only commit log.
// Startup loads the snapshot, replays the log, then compacts both into a new snapshot.
// Each commit is appended synchronously before its result is reported to any client.
import {
  existsSync,
  mkdirSync,
  openSync,
  closeSync,
  fsyncSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { type JSONValue, type Value, convexToJson, jsonToConvex } from "convex/values";
import { type Doc } from "../engine/vendor/convexTest.js";
import { type DocumentChange } from "./documentStore.js";
import { documentJson } from "./documentFacts.js";

const SNAPSHOT = "snapshot.jsonl";
const LOG = "commits.jsonl";
const FORMAT_VERSION = 1;
/** The log is folded into a new snapshot once it grows past this. */
const COMPACT_AFTER_BYTES = 64 * 1024 * 1024;

export class CorruptDataError extends Error {}

export type LoadedState = { docs: Doc[]; skippedLines: number };

function parseDoc(json: JSONValue): Doc {
  return jsonToConvex(json) as Doc;
}

export class Persistence {
  private readonly snapshotPath: string;
  private readonly logPath: string;
  private logBytes = 0;
  /** The log, held open for appends (one write per commit, not an open and close each time). */
  private logFd: number | null = null;

  constructor(readonly directory: string) {
    mkdirSync(directory, { recursive: true });
    this.snapshotPath = join(directory, SNAPSHOT);
    this.logPath = join(directory, LOG);
  }

  /** Reads the snapshot and replays the log. A torn last log line (crash) is skipped. */
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
    if (existsSync(this.logPath)) {
      for (const line of readFileSync(this.logPath, "utf8").split("\n")) {
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

  get shouldCompact(): boolean {
    return this.logBytes > COMPACT_AFTER_BYTES;
  }

  /** Writes a full snapshot atomically and empties the log. */
  compact(docs: Iterable<Doc>): void {
    const temporary = `${this.snapshotPath}.tmp`;
    const parts = [
      JSON.stringify({ version: FORMAT_VERSION, writtenAt: new Date().toISOString() }),
    ];
    for (const doc of docs) parts.push(JSON.stringify(convexToJson(doc)));
    writeFileSync(temporary, parts.join("\n") + "\n");
    const fd = openSync(temporary, "r");
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temporary, this.snapshotPath);
    writeFileSync(this.logPath, "");
    this.logBytes = 0;
  }
}
