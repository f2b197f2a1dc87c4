// Stored file bytes: on disk under <dataDir>/files when persistent, in memory otherwise.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

export type FileStore = {
  write(storageId: string, bytes: Uint8Array): Promise<void>;
  read(storageId: string): Promise<Uint8Array | null>;
  remove(storageId: string): Promise<void>;
};

const SAFE_ID = /^[0-9A-Za-z_]+$/;

function checkId(storageId: string): string {
  if (!SAFE_ID.test(storageId)) throw new Error(`Invalid storage ID "${storageId}"`);
  return storageId;
}

export function diskFileStore(directory: string): FileStore {
  let ready: Promise<unknown> | null = null;
  const ensure = (): Promise<unknown> => (ready ??= mkdir(directory, { recursive: true }));
  return {
    async write(storageId, bytes) {
      await ensure();
      await writeFile(join(directory, checkId(storageId)), bytes);
    },
    async read(storageId) {
      try {
        return new Uint8Array(await readFile(join(directory, checkId(storageId))));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async remove(storageId) {
      await rm(join(directory, checkId(storageId)), { force: true });
    },
  };
}

export function memoryFileStore(): FileStore {
  const files = new Map<string, Uint8Array>();
  return {
    write(storageId, bytes) {
      files.set(storageId, bytes);
      return Promise.resolve();
    },
    read(storageId) {
      return Promise.resolve(files.get(storageId) ?? null);
    },
    remove(storageId) {
      files.delete(storageId);
      return Promise.resolve();
    },
  };
}
