import { api } from "@convex/_generated/api";
import { fetchQuery } from "convex/nextjs";
import { env } from "@/env";
import { paragraphs } from "@/lib/legal-text";
import { formatDay } from "@/lib/money";

type Page = "terms" | "privacy" | "contact";

/**
 * A footer page with the owner's text from the admin console, rendered as plain text (React
 * escapes it; nothing is parsed as HTML or markdown).
 */
export async function LegalPage({ page, title }: { page: Page; title: string }) {
  const content = await fetchQuery(
    api.storefront.legalPage,
    { page },
    { url: env.NEXT_PUBLIC_CONVEX_URL },
  );
  return (
    <article className="mt-6 flex flex-col gap-4" data-testid="legal-page">
      <h1 className="text-2xl font-semibold text-white">{title}</h1>
      {content === null ? (
        <p className="text-zinc-400">This page has not been written yet.</p>
      ) : (
        <>
          {paragraphs(content.text).map((paragraph, i) => (
            <p key={i} className="whitespace-pre-line text-zinc-300">
              {paragraph}
            </p>
          ))}
          <p className="text-xs text-zinc-400">Last updated {formatDay(content.updatedAt)}</p>
        </>
      )}
    </article>
  );
}
