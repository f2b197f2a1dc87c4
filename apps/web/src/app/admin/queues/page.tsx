import { QueueList } from "@/components/admin/queue-list";
import { HeadedSection } from "@/components/ui/headed-section";

export const metadata = { title: "Admin · Work queues" };

export default function QueuesPage() {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold text-white">Work queues</h1>
      <HeadedSection id="mirror-title" title="Mirror deliveries">
        <QueueList queue="mirror" />
      </HeadedSection>
      <HeadedSection id="roles-title" title="Role sync">
        <QueueList queue="roleSync" />
      </HeadedSection>
    </div>
  );
}
