import { modifierLines, type ProductionContract } from '@kitchensync/shared';
import { useState } from 'react';
import { formatClock, formatPrep } from '../model/format.ts';
import { stationTypeLabel } from '../model/labels.ts';

export interface ContractPanelProps {
  /** Newest version first. */
  readonly contracts: readonly ProductionContract[];
  /** Dishes whose recipe changed since the current contract was issued. */
  readonly staleRecipes: readonly string[];
  readonly canReissue: boolean;
  readonly onReissue: () => void;
}

/** ADR-001: the order in kitchen language, with every version it went through. */
export function ContractPanel({ contracts, staleRecipes, canReissue, onReissue }: ContractPanelProps) {
  const [version, setVersion] = useState<number>();
  const shown = contracts.find((c) => c.version === version) ?? contracts[0];
  if (!shown) {
    return (
      <section className="card">
        <h2>Production contract</h2>
        <p className="muted">Issued when the order is confirmed.</p>
      </section>
    );
  }
  return (
    <section className="card" data-contract-version={shown.version}>
      <div className="card__head">
        <h2>Production contract</h2>
        {contracts.length > 1 && (
          <div className="segmented segmented--small" role="radiogroup" aria-label="Contract version">
            {contracts.map((c) => (
              <button key={c.id} type="button" role="radio" aria-checked={c.id === shown.id} className="segmented__option" onClick={() => setVersion(c.version)}>
                v{c.version}
              </button>
            ))}
          </div>
        )}
      </div>
      <p className="muted small">
        Version {shown.version}
        {shown.supersededBy ? ` · superseded by v${shown.supersededBy}` : ' · current'} · issued {formatClock(shown.createdAt)} · priority {shown.priority} · complexity{' '}
        {shown.complexity} · ETA {formatClock(shown.etaAt)}
      </p>
      {shown.allergens.length > 0 && <p className="allergens">Allergens: {shown.allergens.join(', ')}</p>}
      {staleRecipes.length > 0 && !shown.supersededBy && (
        <div className="banner banner--info banner--inline">
          <span>
            The recipe of {staleRecipes.join(', ')} changed since this contract was issued.
          </span>
          {canReissue && (
            <button type="button" className="btn btn--small" onClick={onReissue}>
              Issue v{shown.version + 1}
            </button>
          )}
        </div>
      )}
      {shown.groups.map((g) => (
        <div key={g.stationType} className="contract-group">
          <h3>
            {stationTypeLabel(g.stationType)} <span className="muted small">· {formatPrep(g.prepSeconds)}</span>
          </h3>
          <ul>
            {g.items.map((i) => (
              <li key={i.id} className="contract-item">
                <div>
                  <strong>
                    {i.quantity} × {i.name}
                  </strong>{' '}
                  <span className="muted small">recipe v{i.recipeVersion}</span>
                </div>
                {modifierLines(i).length > 0 && <div className="small">{modifierLines(i).join(' · ')}</div>}
                {i.notes && <div className="note small">“{i.notes}”</div>}
                {i.steps.length > 0 && <ol className="contract-steps small">{i.steps.map((s, n) => <li key={n}>{s}</li>)}</ol>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
