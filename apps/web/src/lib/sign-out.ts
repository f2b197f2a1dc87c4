/**
 * Ends the session through the Next.js auth proxy — the same POST to /api/auth that Convex Auth's
 * client makes (`auth:signOut`): the proxy signs the session out on the backend and clears the
 * httpOnly cookies. For the header, which is rendered on the server outside the Convex providers
 * (the public pages ship no Convex client), so it cannot use `useAuthActions`.
 */
export async function signOutThroughProxy(fetchFn: typeof fetch = fetch): Promise<void> {
  const response = await fetchFn("/api/auth", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ action: "auth:signOut", args: {} }),
  });
  if (!response.ok) throw new Error(`sign-out failed (HTTP ${response.status})`);
}
