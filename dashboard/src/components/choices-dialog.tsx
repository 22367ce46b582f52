import { choiceRule, isRequired, unitPriceCents, type Choice, type ModifierGroup, type Product } from '@kitchensync/shared';
import { useState } from 'react';
import { config } from '../config.ts';
import { choicesOf, missingGroups, toggle, type Picks } from '../model/choices.ts';
import { formatMoney } from '../model/format.ts';

export interface ChoicesDialogProps {
  readonly product: Product;
  readonly onAdd: (choices: Choice[]) => void;
  readonly onCancel: () => void;
}

const money = (cents: number) => formatMoney(cents, config.currency, config.locale);

/** "How would you like it?": a product's modifier groups, asked before its line is added; Add waits for every required one. */
export function ChoicesDialog({ product, onAdd, onCancel }: ChoicesDialogProps) {
  const [picks, setPicks] = useState<Picks>(new Map());
  const missing = missingGroups(product, picks);
  const groups = product.modifierGroups ?? [];
  const picked = groups.flatMap((g) => g.options.filter((o) => picks.get(g.id)?.includes(o.id)));
  return (
    <div className="choices-backdrop">
      <div className="card choices" role="dialog" aria-modal="true" aria-labelledby="choices-title" data-product-id={product.id}>
        <h2 id="choices-title">{product.name}</h2>
        {groups.map((g) => (
          <GroupField key={g.id} group={g} picked={picks.get(g.id) ?? []} onToggle={(optionId) => setPicks((p) => toggle(p, g, optionId))} />
        ))}
        <p className="choices__missing" aria-live="polite">
          {missing.length > 0 ? `Still to choose: ${missing.map((g) => g.name).join(', ')}` : ' '}
        </p>
        <div className="choices__actions">
          <button type="button" className="btn btn--ghost" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="btn btn--primary" disabled={missing.length > 0} onClick={() => onAdd(choicesOf(picks))}>
            Add · {money(unitPriceCents(product, picked))}
          </button>
        </div>
      </div>
    </div>
  );
}

function GroupField({ group, picked, onToggle }: { group: ModifierGroup; picked: readonly string[]; onToggle: (optionId: string) => void }) {
  const single = group.max === 1;
  return (
    <fieldset className="fieldset choices__group" data-group-id={group.id}>
      <legend>
        {group.name} <span className="muted">· {choiceRule(group)}{isRequired(group) ? ', required' : ''}</span>
      </legend>
      {group.options.map((o) => (
        <label key={o.id} className={`choices__option${o.soldOut === true ? ' choices__option--out' : ''}`}>
          <input
            type={single ? 'radio' : 'checkbox'}
            name={`choice-${group.id}`}
            value={o.id}
            checked={picked.includes(o.id)}
            disabled={o.soldOut === true}
            onChange={() => onToggle(o.id)}
          />
          <span>{o.name}</span>
          {o.soldOut === true ? <span className="choices__out">86</span> : o.priceDeltaCents > 0 && <span className="muted">+{money(o.priceDeltaCents)}</span>}
        </label>
      ))}
    </fieldset>
  );
}
