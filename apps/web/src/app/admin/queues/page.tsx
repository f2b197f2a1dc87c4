import { QueueList } from "@/components/admin/queue-list";

export const metadata = { title: "Admin · Work queues" };

export default function QueuesPage() {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold text-white">Work queues</h1>
      <section aria-labelledby="mirror-title" className="flex flex-col gap-3">
        <h2 id="mirror-title" className="text-lg font-semibold text-white">
          Mirror deliveries
        </h2>
        <QueueList queue="mirror" />
      </section>
      <section aria-labelledby="roles-title" className="flex flex-col gap-3">
        <h2 id="roles-title" className="text-lg font-semibold text-white">
          Role sync
        </h2>
        <QueueList queue="roleSync" />
      </section>
    </div>
  );
}
