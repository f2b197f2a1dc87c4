import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";

/**
 * The foot of an admin edit form: what went wrong, then the submit button (off while a save is in
 * flight) and Cancel, which closes the form without saving.
 */
export function SaveOrCancel({
  error,
  pending,
  saveLabel,
  onCancel,
}: {
  error: string | null;
  pending: boolean;
  saveLabel: string;
  onCancel: () => void;
}) {
  return (
    <>
      <FormError message={error} />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {saveLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </>
  );
}
