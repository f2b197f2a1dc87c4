import { AuditLog } from "@/components/admin/audit-log";

export const metadata = { title: "Admin · Audit log" };

export default function AuditPage() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold text-white">Audit log</h1>
      <AuditLog />
    </div>
  );
}
