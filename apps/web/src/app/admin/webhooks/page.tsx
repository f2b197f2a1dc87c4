import { WebhookList } from "@/components/admin/webhook-list";

export const metadata = { title: "Admin · Webhooks" };

export default function WebhooksPage() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold text-white">Webhook events</h1>
      <p className="text-sm text-zinc-400">
        Every Sell.app request as stored. Replaying re-applies the stored payload; it is audited.
      </p>
      <WebhookList />
    </div>
  );
}
