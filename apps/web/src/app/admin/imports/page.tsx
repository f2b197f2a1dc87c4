import { HistoryImportsPanel } from "@/components/admin/history-imports-panel";

export const metadata = { title: "Admin · Imports" };

export default function ImportsPage() {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold text-white">Signal-history imports</h1>
      <HistoryImportsPanel />
    </div>
  );
}
