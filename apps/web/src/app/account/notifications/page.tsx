import Link from "next/link";
import { PushNotifications } from "@/components/account/push-notifications";

export const metadata = { title: "Notifications" };

export default function NotificationsPage() {
  return (
    <div className="flex flex-col gap-4">
      <Link href="/account" className="text-sm text-sky-400 hover:underline">
        ← Account
      </Link>
      <h1 className="text-2xl font-semibold text-white">Notifications</h1>
      <PushNotifications />
    </div>
  );
}
