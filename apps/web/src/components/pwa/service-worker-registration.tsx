"use client";

import { useEffect } from "react";

/**
 * Registers /sw.js on every page, so the app is installable from anywhere and push
 * notifications have a worker to land in. Nothing is rendered. Registration waits for the
 * page's `load` event: starting a worker (and fetching its script) while the page is still
 * loading competes with the page for the main thread and the network, for nothing the page
 * needs yet.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const register = () => {
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
        // Private windows and some embedded browsers refuse service workers: the site works without.
      });
    };
    if (document.readyState === "complete") {
      register();
      return;
    }
    window.addEventListener("load", register, { once: true });
    return () => window.removeEventListener("load", register);
  }, []);
  return null;
}
