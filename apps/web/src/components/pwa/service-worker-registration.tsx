"use client";

import { useEffect } from "react";

/**
 * Registers /sw.js on every page, so the app is installable from anywhere and push
 * notifications have a worker to land in. Nothing is rendered.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // Private windows and some embedded browsers refuse service workers: the site works without.
    });
  }, []);
  return null;
}
