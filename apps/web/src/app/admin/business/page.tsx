import { BusinessOverview } from "@/components/business/business-overview";

export const metadata = { title: "Admin · Business" };

export default function BusinessPage() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold text-white">Business overview</h1>
      <BusinessOverview />
    </div>
  );
}
