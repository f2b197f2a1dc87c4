import { SellappRunsPanel } from "@/components/admin/sellapp-runs-panel";

export const metadata = { title: "Admin · Sell.app runs" };

export default function SellappRunsPage() {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold text-white">Sell.app runs</h1>
      <SellappRunsPanel />
    </div>
  );
}
