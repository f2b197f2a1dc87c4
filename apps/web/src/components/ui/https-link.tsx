import type { ReactNode } from "react";
import { httpsHref } from "@/lib/external-link";

type Props = {
  href: string | undefined;
  className: string;
  children: ReactNode;
  /** Shown instead of the link when `href` is absent or not an https:// URL. */
  fallback?: ReactNode;
};

/** A new-tab link to another site that renders only for an https:// URL (never `javascript:`). */
export function HttpsLink({ href, className, children, fallback = null }: Props) {
  const safeHref = httpsHref(href);
  if (safeHref === null) return fallback;
  return (
    <a href={safeHref} target="_blank" rel="noopener noreferrer" className={className}>
      {children}
    </a>
  );
}
