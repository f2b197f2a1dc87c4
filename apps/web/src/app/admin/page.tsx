import { HealthPanel } from "@/components/admin/health-panel";

export const metadata = { title: "Admin · Health" };

export default function AdminHomePage() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold text-white">Delivery health</h1>
      <HealthPanel />
    </div>
  );
}
