import type { ReactNode } from "react";

const TITLE_CLASS = {
  /** A page's own sections (the landing page). */
  page: "text-2xl font-semibold text-white",
  /** A panel's sections (the admin console, the feed). */
  panel: "text-lg font-semibold text-white",
} as const;

/**
 * A section named by its h2 (aria-labelledby = the heading's id), so it is a landmark a screen
 * reader lists by that name.
 */
export function HeadedSection({
  id,
  title,
  size = "panel",
  className = "flex flex-col gap-3",
  children,
}: {
  id: string;
  title: string;
  size?: keyof typeof TITLE_CLASS;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className={TITLE_CLASS[size]}>
        {title}
      </h2>
      {children}
    </section>
  );
}
