import { FeedView } from "@/components/feed/feed-view";

export const metadata = { title: "Live feed" };

export default function FeedPage() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold text-white">Live feed</h1>
      <FeedView />
    </div>
  );
}
