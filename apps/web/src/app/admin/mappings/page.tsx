import { MappingsPanel } from "@/components/admin/mappings-panel";

export const metadata = { title: "Admin · Channel mappings" };

export default function MappingsPage() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold text-white">Channel mappings</h1>
      <p className="text-sm text-zinc-400">
        Source channel → customer channel, per tier. Every change is written to the audit log.
      </p>
      <MappingsPanel />
    </div>
  );
}
