import { convexAuthNextjsToken } from "@convex-dev/auth/nextjs/server";
import { FeedView } from "@/components/feed/feed-view";
import { env } from "@/env";
import { loadFeedFirstPage } from "@/lib/feed-first-page";

export const metadata = { title: "Live feed" };

export default async function FeedPage() {
  // Read with the viewer's own token: the backend decides access, as it does for the live queries.
  const first = await loadFeedFirstPage(await convexAuthNextjsToken(), env.NEXT_PUBLIC_CONVEX_URL);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold text-white">Live feed</h1>
      <FeedView first={first} />
    </div>
  );
}
