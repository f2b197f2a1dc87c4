"use client";

import { useEffect, useRef } from "react";

/** Calls `onVisible` whenever the returned sentinel element scrolls into view. */
export function useInfiniteScroll(enabled: boolean, onVisible: () => void) {
  const sentinel = useRef<HTMLDivElement | null>(null);
  const callback = useRef(onVisible);
  callback.current = onVisible;
  useEffect(() => {
    const element = sentinel.current;
    if (!enabled || element === null) return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) callback.current();
      },
      { rootMargin: "600px 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled]);
  return sentinel;
}
