import type { ModifierOption } from '@kitchensync/shared';
import { useSyncClient } from '@kitchensync/sync-client/react';
import { useState, type ReactNode } from 'react';
import type { FieldErrors, OptionForm } from '../model/modifier-form.ts';
import { described, Problem } from './field-problem.tsx';
import { InlineError } from './inline-error.tsx';
import { MoveButtons } from './move-buttons.tsx';

type OptionRowProps = {
  option: OptionForm;
  groupLabel: string;
  fieldKey: string;
  /** Where it stands among its group's options: the first cannot move up, the last not down. */
  place: { index: number; count: number };
  errors: FieldErrors;
  soldOut: ReactNode;
  onChange: (option: OptionForm) => void;
  onRemove: () => void;
  onMove: (by: -1 | 1) => void;
};

/** An option: its name and extra price as typed, its 86 once saved, and the problems of both fields. */
export function OptionRow({ option, groupLabel, fieldKey, place, errors, soldOut, onChange, onRemove, onMove }: OptionRowProps) {
  const name = option.name.trim() || 'option';
  return (
    <li className="modifier-option" data-option-id={option.id}>
      <div className="modifier-option__row">
        <input aria-label={`Option of ${groupLabel}`} value={option.name} maxLength={60} placeholder="Bacon" onChange={(e) => onChange({ ...option, name: e.target.value })} {...described(errors, `${fieldKey}.name`)} />
        <input className="modifier-option__price" aria-label={`Extra price of ${name}`} inputMode="decimal" value={option.price} onChange={(e) => onChange({ ...option, price: e.target.value })} {...described(errors, `${fieldKey}.price`)} />
        {soldOut}
        <MoveButtons name={name} index={place.index} count={place.count} onMove={onMove} />
        <button type="button" className="icon-btn" aria-label={`Remove ${name}`} onClick={onRemove}>
          ×
        </button>
      </div>
      <Problem id={`err-${fieldKey}.name`} text={errors[`${fieldKey}.name`]} />
      <Problem id={`err-${fieldKey}.price`} text={errors[`${fieldKey}.price`]} />
    </li>
  );
}

/** A saved option's 86: it takes effect at once, like the kitchen's, without saving the form. */
export function OptionSoldOut({ productId, groupId, option }: { productId: string; groupId: string; option: ModifierOption }) {
  const { rep } = useSyncClient();
  const [refused, setRefused] = useState<string>();
  const out = option.soldOut === true;
  const toggle = () =>
    rep.mutate.setModifierOptionSoldOut({ productId, groupId, optionId: option.id, soldOut: !out, at: Date.now() }).catch((err: unknown) => setRefused(err instanceof Error ? err.message : String(err)));
  return (
    <>
      <button type="button" className={`btn btn--small ${out ? 'btn--danger' : 'btn--ghost'}`} aria-pressed={out} aria-label={`86 ${option.name}`} onClick={() => void toggle()}>
        {/* "86" in both states: the name must contain what is shown; aria-pressed and the colour say it is on. */}
        86
      </button>
      <InlineError message={refused} onDismiss={() => setRefused(undefined)} />
    </>
  );
}
