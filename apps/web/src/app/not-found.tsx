import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mt-8 flex flex-col gap-3">
      <h1 className="text-xl font-semibold text-white">Page not found</h1>
      <Link href="/" className="text-sky-300 underline">
        Go home
      </Link>
    </div>
  );
}
