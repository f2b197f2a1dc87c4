import { UserSearch } from "@/components/admin/user-search";

export const metadata = { title: "Admin · Users & access" };

export default function UsersPage() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold text-white">Users &amp; access</h1>
      <UserSearch />
    </div>
  );
}
