import { SiteSettingsForm } from "@/components/admin/site-settings-form";

export const metadata = { title: "Admin · Site texts" };

export default function SiteSettingsPage() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold text-white">Site texts</h1>
      <p className="text-sm text-zinc-400">
        The footer pages, the customer portal link and the public track record&apos;s delay. Texts
        are shown exactly as written, as plain text. Every change is written to the audit log.
      </p>
      <SiteSettingsForm />
    </div>
  );
}
