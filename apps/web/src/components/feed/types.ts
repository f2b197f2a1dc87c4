import type { api } from "@convex/_generated/api";
import type { FunctionReturnType } from "convex/server";

export type SignalCardData = FunctionReturnType<typeof api.feed.list>["page"][number];
export type AttachmentData = SignalCardData["attachments"][number];
export type Parsed = SignalCardData["parsed"];

export type FeedFilters = {
  pair?: string;
  side?: "long" | "short";
  channelId?: string;
  from?: number;
  to?: number;
  search?: string;
};
