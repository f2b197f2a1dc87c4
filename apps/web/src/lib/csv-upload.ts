import { z } from "./zod-jitless";

/** The backend refuses exports over 10 MB (convex/sellappSync.ts); say so before uploading. */
export const CSV_MAX_BYTES = 10 * 1024 * 1024;

/** Why a picked file cannot be an order export, or null when it can be uploaded. */
export function csvFileProblem(file: { name: string; size: number }): string | null {
  if (file.size === 0) return "The file is empty.";
  if (file.size > CSV_MAX_BYTES) return "The export is over 10 MB: split it and upload each part.";
  if (!/\.csv$/i.test(file.name)) return "Choose the order export as a .csv file.";
  return null;
}

const uploadAnswer = z.object({ storageId: z.string().min(1) });

/**
 * Posts the file to a Convex upload URL and returns the storage id the answer names. The answer is
 * checked (it comes from the network); a refused upload says its status instead of a parse error.
 */
export async function uploadCsv(uploadUrl: string, file: Blob): Promise<string> {
  const response = await fetch(uploadUrl, {
    method: "POST",
    headers: { "Content-Type": file.type === "" ? "text/csv" : file.type },
    body: file,
  });
  if (!response.ok) throw new Error(`The upload was refused (HTTP ${response.status}).`);
  const parsed = uploadAnswer.safeParse(await response.json());
  if (!parsed.success) throw new Error("The upload answered without a storage id.");
  return parsed.data.storageId;
}
