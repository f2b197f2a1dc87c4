// G3netic service worker: shows Web Push notifications for new signals and opens the signal when
// one is clicked. Plain JS on purpose (served as-is from /sw.js, scope "/"); no caching, no fetch
// handler — the dashboard is live data, and Chromium no longer needs one to install the app.
/* global self, URL */
"use strict";

const FALLBACK_PATH = "/feed";

/** Only a path on this origin is ever opened: a payload cannot send the user elsewhere. */
function sameOriginPath(value) {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) {
    return FALLBACK_PATH;
  }
  if (value.includes("\\")) return FALLBACK_PATH;
  const url = new URL(value, self.location.origin);
  return url.origin === self.location.origin ? url.pathname + url.search : FALLBACK_PATH;
}

function text(value, max) {
  return typeof value === "string" ? value.slice(0, max) : "";
}

self.addEventListener("install", () => {
  void self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = {};
  }
  const title = text(data.title, 120) || "G3netic Signals";
  // One notification per signal (tag): an edit replaces it quietly instead of stacking up.
  const options = {
    body: text(data.body, 240),
    tag: text(data.tag, 80) || "g3-signal",
    renotify: false,
    icon: "/icons/192.png",
    badge: "/icons/192.png",
    data: { url: sameOriginPath(data.url), signalId: text(data.signalId, 64) },
  };
  event.waitUntil(self.registration.showNotification(title, options));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL(sameOriginPath(event.notification.data?.url), self.location.origin).href;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const exact = windows.find((client) => client.url === target);
      if (exact) return exact.focus();
      const ours = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (ours) {
        await ours.focus();
        return ours.navigate(target);
      }
      return self.clients.openWindow(target);
    })(),
  );
});
