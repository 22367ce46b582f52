import type { FieldErrors } from '../model/modifier-form.ts';

/** A field's problem in words, right under it; the input points at it (`described`). */
export function Problem({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <span className="field-error" id={id}>
      {text}
    </span>
  ) : null;
}

/** An input's aria attributes while its field (keyed as in FieldErrors) has a problem. */
export const described = (errors: FieldErrors, key: string) => (errors[key] ? { 'aria-invalid': true, 'aria-describedby': `err-${key}` } : {});
