import { OutcomeReview } from "@/components/admin/outcome-review";

export const metadata = { title: "Admin · Outcomes" };

export default function OutcomesPage() {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold text-white">Outcomes</h1>
      <OutcomeReview />
    </div>
  );
}
