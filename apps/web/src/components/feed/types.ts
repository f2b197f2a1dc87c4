import type { api } from "@convex/_generated/api";
import type { FunctionArgs, FunctionReturnType } from "convex/server";

export type SignalCardData = FunctionReturnType<typeof api.feed.list>["page"][number];
export type AttachmentData = SignalCardData["attachments"][number];
export type Parsed = SignalCardData["parsed"];

/** What the filter form sets; the tier is picked apart (the tier picker). */
export type FeedFilters = Omit<
  NonNullable<FunctionArgs<typeof api.feed.list>["filters"]>,
  "tierKey"
>;
