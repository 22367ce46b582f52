import type { Product } from '@kitchensync/shared';
import type { ReactNode } from 'react';
import { newId } from '../model/ids.ts';
import { moved, newOption, ruleInWords, type FieldErrors, type GroupForm, type OptionForm } from '../model/modifier-form.ts';
import { described, Problem } from './field-problem.tsx';
import { MoveButtons } from './move-buttons.tsx';
import { OptionRow, OptionSoldOut } from './modifier-option-row.tsx';

export interface GroupEditorProps {
  readonly index: number;
  /** How many groups the product has: the last one cannot move down. */
  readonly count: number;
  readonly group: GroupForm;
  readonly errors: FieldErrors;
  readonly stored: Product | undefined;
  readonly onChange: (group: GroupForm) => void;
  readonly onRemove: () => void;
  readonly onMove: (by: -1 | 1) => void;
}

/** One modifier group: its name, its rule (min and max, read back in words) and its options. */
export function GroupEditor({ index, count, group, errors, stored, onChange, onRemove, onMove }: GroupEditorProps) {
  const k = (field: string) => `${index}.${field}`;
  const label = group.name.trim() || `group ${index + 1}`;
  const setOption = (i: number, option: OptionForm) => onChange({ ...group, options: group.options.map((o, n) => (n === i ? option : o)) });
  const rule = ruleInWords(group);
  return (
    <fieldset className="fieldset modifier-group" data-group-index={index}>
      <legend>Modifier group {index + 1}</legend>
      <Field label="Name" error={errors[k('name')]} errorId={`err-${k('name')}`}>
        <input value={group.name} maxLength={60} placeholder="Temperature" onChange={(e) => onChange({ ...group, name: e.target.value })} {...described(errors, k('name'))} />
      </Field>
      <div className="modifier-group__rule">
        {(['min', 'max'] as const).map((field) => (
          <Field key={field} label={field === 'min' ? 'At least' : 'At most'}>
            <input
              className="modifier-group__count"
              inputMode="numeric"
              value={group[field]}
              onChange={(e) => onChange({ ...group, [field]: e.target.value })}
              {...described(errors, k(field))}
            />
          </Field>
        ))}
        <span className="modifier-group__words" data-rule>
          {rule}
        </span>
      </div>
      {/* Under the whole rule, not in its narrow count fields: "the minimum is above the maximum" is about both. */}
      <Problem id={`err-${k('min')}`} text={errors[k('min')]} />
      <Problem id={`err-${k('max')}`} text={errors[k('max')]} />
      <ul className="modifier-options">
        {group.options.map((o, i) => {
          const saved = stored?.modifierGroups?.find((g) => g.id === group.id)?.options.find((s) => s.id === o.id);
          return (
            <OptionRow
              key={o.id}
              option={o}
              groupLabel={label}
              fieldKey={k(`options.${i}`)}
              place={{ index: i, count: group.options.length }}
              errors={errors}
              soldOut={stored && saved && <OptionSoldOut productId={stored.id} groupId={group.id} option={saved} />}
              onChange={(option) => setOption(i, option)}
              onRemove={() => onChange({ ...group, options: group.options.filter((_, n) => n !== i) })}
              onMove={(by) => onChange({ ...group, options: moved(group.options, i, by) })}
            />
          );
        })}
      </ul>
      <Problem id={`err-${k('options')}`} text={errors[k('options')]} />
      <div className="modifier-group__actions">
        <button type="button" className="link-btn" onClick={() => onChange({ ...group, options: [...group.options, newOption(newId('o'))] })}>
          + option
        </button>
        <span className="modifier-group__end">
          <MoveButtons name={label} index={index} count={count} onMove={onMove} />
          <button type="button" className="btn btn--small btn--ghost" onClick={onRemove}>
            Remove {label}
          </button>
        </span>
      </div>
    </fieldset>
  );
}

function Field({ label, error, errorId, children }: { label: string; error?: string | undefined; errorId?: string; children: ReactNode }) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      {children}
      {errorId && <Problem id={errorId} text={error} />}
    </label>
  );
}
