import { ParseReviewList } from "@/components/admin/parse-review-list";
import { ReparsePanel } from "@/components/admin/reparse-panel";

export const metadata = { title: "Admin · Parsing" };

export default function ParsingPage() {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold text-white">Parsing</h1>
      <ReparsePanel />
      <ParseReviewList />
    </div>
  );
}
