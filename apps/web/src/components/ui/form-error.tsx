/** An error announced to screen readers as soon as it appears. */
export function FormError({ message }: { message: string | null }) {
  if (message === null) return null;
  return (
    <p
      role="alert"
      className="rounded-md border border-rose-800 bg-rose-950 px-3 py-2 text-sm text-rose-200"
    >
      {message}
    </p>
  );
}
