"use client";

import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";
import type { FunctionReturnType } from "convex/server";
import { useMutation } from "convex/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormNotice } from "@/components/ui/form-notice";
import { csvFileProblem, uploadCsv } from "@/lib/csv-upload";
import { useMutationState } from "./use-mutation-state";

type Run = FunctionReturnType<typeof api.sellappSync.runs>[number];

/** The uploaded export and the dry run made of it: the real run reuses the same upload. */
type Uploaded = { fileName: string; storageId: Id<"_storage">; dryRunId: Id<"sellappSyncRuns"> };

const refusedRows = (count: number) => `${count} ${count === 1 ? "row" : "rows"} refused`;

/**
 * Customer import from a Sell.app order export, for stores whose API we cannot use
 * (docs/cutover.md): the file is uploaded once and dry-run first; only when that dry run has
 * finished can the same upload be imported for real. Both runs are listed below with the report.
 */
export function CsvImportForm({ runs }: { runs: readonly Run[] }) {
  const generateUploadUrl = useMutation(api.sellappSync.generateCsvUploadUrl);
  const startCsvImport = useMutation(api.sellappSync.startCsvImport);
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { pending, error, notice, run } = useMutationState();
  const dryRun = uploaded === null ? undefined : runs.find((r) => r._id === uploaded.dryRunId);

  async function uploadAndDryRun(picked: File) {
    const storageId = (await uploadCsv(await generateUploadUrl({}), picked)) as Id<"_storage">;
    const dryRunId = await startCsvImport({ storageId, dryRun: true });
    setUploaded({ fileName: picked.name, storageId, dryRunId });
  }

  async function importForReal(upload: Uploaded) {
    await startCsvImport({ storageId: upload.storageId, dryRun: false });
    setUploaded(null); // one real run per dry run; upload the file again to repeat
  }

  return (
    <form
      aria-label="Import customers from an order export"
      className="flex flex-col gap-3 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (file === null) return;
        const refused = csvFileProblem(file);
        setProblem(refused);
        if (refused !== null) return;
        void run(
          () => uploadAndDryRun(file),
          "Uploaded: its dry run appears below and updates live.",
        );
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="csv-export" className="text-sm text-zinc-300">
            Order export (CSV)
          </label>
          <input
            id="csv-export"
            type="file"
            accept=".csv,text/csv"
            className="text-sm text-zinc-300"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setProblem(null);
            }}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={pending || file === null}>
          Upload and dry-run
        </Button>
      </div>
      {uploaded === null ? null : (
        <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="csv-dry-run">
          <span>
            Dry run of {uploaded.fileName}:{" "}
            <strong className="text-white">{dryRun?.status ?? "starting"}</strong>
            {dryRun?.status === "done" ? (
              <>
                {" "}
                — {dryRun.changes} changes, {refusedRows(dryRun.rowErrors?.length ?? 0)} (below)
              </>
            ) : null}
          </span>
          {dryRun?.status === "done" ? (
            <Button
              type="button"
              disabled={pending}
              onClick={() =>
                void run(
                  () => importForReal(uploaded),
                  "Import started: the real run appears below.",
                )
              }
            >
              Import this file
            </Button>
          ) : null}
        </div>
      )}
      <p className="text-xs text-zinc-400">
        Columns by name: id, status and email required; product id, variant id, subscription id,
        created at and updated at read when present. The dry run reports what the real run would
        change and which rows it refused; nothing changes until you import.
      </p>
      <FormError message={problem ?? error} />
      <FormNotice message={notice} />
    </form>
  );
}
