/**
 * A full page load of `path` (same origin) after signing in or out. The site header is rendered on
 * the server from the auth cookie and the root layout is kept across client-side navigations, so
 * only a fresh load shows the new state in it (and starts any Convex client from that state).
 */
export function loadPage(path: string): void {
  window.location.assign(path);
}
