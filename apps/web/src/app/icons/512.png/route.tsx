import { appIconResponse } from "@/components/pwa/app-icon";

// Rendered once at build time (a static route), served as /icons/512.png.
export const dynamic = "force-static";

export function GET() {
  return appIconResponse(512, false);
}
