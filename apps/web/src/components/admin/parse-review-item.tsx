"use client";

import { api } from "@convex/_generated/api";
import { useMutation } from "convex/react";
import type { FunctionArgs, FunctionReturnType } from "convex/server";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormNotice } from "@/components/ui/form-notice";
import { formFromReading, readingText } from "@/lib/correction-form";
import { formatTime } from "@/lib/format";
import { ParseCorrectionForm } from "./parse-correction-form";
import { useMutationState } from "./use-mutation-state";

export type ReviewItem = FunctionReturnType<typeof api.parseReview.list>["page"][number];

const REASONS: Record<NonNullable<ReviewItem["reviewReason"]>, string> = {
  low_confidence: "Low confidence: customers see 'check the message'",
  edited_after_correction:
    "Edited by the author after a correction: customers see 'check the message'",
  parser_disagrees: "A newer parser reads it differently from the correction",
};

/** One signal in the review list: its raw text, both readings, and what an admin can do. */
export function ParseReviewItem({ item }: { item: ReviewItem }) {
  const [editing, setEditing] = useState(false);
  const resolve = useMutation(api.parseReview.resolve);
  const { pending, error, notice, run } = useMutationState();
  const inDoubt =
    item.correction !== undefined &&
    (item.reviewReason === "edited_after_correction" || item.reviewReason === "parser_disagrees");
  /** Settles this version's review in favour of one reading (a newer version makes it fail). */
  const keep = (reading: FunctionArgs<typeof api.parseReview.resolve>["keep"], done: string) =>
    void run(
      () => resolve({ signalId: item.id, expectedVersion: item.version, keep: reading }),
      done,
    );
  return (
    <li
      data-testid="parse-review-item"
      className="flex flex-col gap-2 rounded-lg border border-zinc-800 bg-zinc-900/60 p-3 text-sm"
    >
      <p className="flex flex-wrap gap-2 text-zinc-400">
        <span className="font-mono text-zinc-300">v{item.version}</span>
        <span>{item.authorName}</span>
        <span>posted {formatTime(item.postedAt)}</span>
        {item.editedAt === undefined ? null : <span>edited {formatTime(item.editedAt)}</span>}
        {item.deletedAt === undefined ? null : <span className="text-rose-300">deleted</span>}
        <span className="text-zinc-500">{item.tierKey}</span>
      </p>
      {item.reviewReason === undefined ? null : (
        <p className="font-medium text-amber-300">{REASONS[item.reviewReason]}</p>
      )}
      <pre className="whitespace-pre-wrap break-words rounded-md bg-zinc-950 p-3 font-mono text-zinc-200">
        {item.content}
      </pre>
      <p>
        <span className="text-zinc-400">Parser ({item.parser.parserVersion}, confidence </span>
        <span className="text-zinc-400">{item.parser.confidence}): </span>
        <span className="text-zinc-200">{readingText(item.parser)}</span>
      </p>
      {item.parser.errors.length > 0 ? (
        <p className="text-xs text-zinc-500">{item.parser.errors.join(" · ")}</p>
      ) : null}
      {item.correction === undefined ? null : (
        <p>
          <span className="text-zinc-400">
            Correction by {item.correction.byEmail ?? "an admin"} for v{item.correction.version} (
            {formatTime(item.correction.at)}):{" "}
          </span>
          <span className="text-sky-300">{readingText(item.correction.parsed)}</span>
        </p>
      )}
      {editing ? (
        <ParseCorrectionForm
          signalId={item.id}
          version={item.version}
          initial={formFromReading(item.shown)}
          onDone={() => setEditing(false)}
        />
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => setEditing(true)}>
            Correct
          </Button>
          {inDoubt ? (
            <>
              <Button
                variant="secondary"
                disabled={pending}
                onClick={() => keep("correction", "The correction stands for this version.")}
              >
                Keep the correction
              </Button>
              <Button
                variant="secondary"
                disabled={pending}
                onClick={() => keep("parser", "The parser's reading is shown now.")}
              >
                Use the parser&apos;s reading
              </Button>
            </>
          ) : null}
        </div>
      )}
      <FormError message={error} />
      <FormNotice message={notice} />
    </li>
  );
}
