import type { ComponentChildren } from 'preact';

/**
 * The line under a field: its error when there is one, else its hint. It always exists
 * (empty when there is nothing to say), so the field's aria-describedby never points at
 * nothing, and a screen reader hears the error when focus returns to the field.
 */
export function FieldNote({
  id,
  error,
  hint,
}: {
  id: string;
  error?: string | null;
  hint?: ComponentChildren;
}) {
  return (
    <p id={id} class={error ? 'error field-note' : 'muted field-note'}>
      {error ?? hint}
    </p>
  );
}

/** The attributes that tie a field to its note and say whether it is in error. */
export function described(noteId: string, error?: string | null) {
  return { 'aria-describedby': noteId, 'aria-invalid': error ? ('true' as const) : undefined };
}

/** Moves focus to the first field in error, so the person lands where the fix is. */
export function focusFirstInvalid(form: HTMLElement | null) {
  const el = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  el?.focus();
}

/** Whether the browser could not read what was typed (see components/options/validate.ts, Raw). */
export function isBadInput(el: HTMLInputElement): boolean {
  return el.validity?.badInput === true;
}
