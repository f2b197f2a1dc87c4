/** A success message, announced politely; nothing while there is none. */
export function FormNotice({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="status" className="text-sm text-emerald-300">
      {message}
    </p>
  );
}
