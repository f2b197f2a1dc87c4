// A live page: Convex subscriptions or the sign-in forms need the Convex client (the public pages
// ship none; see components/live-app-providers.tsx).
export { LiveAppLayout as default } from "@/components/live-app-providers";
