import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { LiveAppLayout } from "@/components/live-app-providers";
import { serverViewer } from "@/lib/server-viewer";

export const dynamic = "force-dynamic";

/**
 * Route guard for the console. Convenience only: every admin Convex function checks the role
 * itself (requireAdmin), so a forged navigation still gets nothing.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await serverViewer();
  if (viewer === null) redirect("/signin?next=/admin");
  if (!viewer.isAdmin) {
    return (
      <div role="alert" className="mt-8 flex flex-col gap-2" data-testid="admin-forbidden">
        <h1 className="text-xl font-semibold text-white">Admins only</h1>
        <p className="text-zinc-400">
          You are signed in as {viewer.email ?? "a member"}, which is not an admin account.
        </p>
      </div>
    );
  }
  return (
    <LiveAppLayout>
      <div className="flex flex-col gap-4">
        <AdminNav />
        {children}
      </div>
    </LiveAppLayout>
  );
}
