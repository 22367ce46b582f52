import { Fragment } from 'react';
import type { AllDayCount } from '../model/all-day.ts';

/** Outstanding quantity per product across the open tickets on this screen (split by chosen option), with what is 86'd on top. */
export function AllDayPanel({ counts, soldOut }: { counts: readonly AllDayCount[]; soldOut: readonly { id: string; name: string }[] }) {
  return (
    <aside className="all-day" aria-label="All day" tabIndex={0}>
      <h2>All day</h2>
      {soldOut.length > 0 && (
        <ul className="all-day__86" aria-label="86 — sold out">
          {soldOut.map((p) => (
            <li key={p.id} data-sold-out={p.id}>
              <span className="all-day__qty">86</span>
              <span className="all-day__name">{p.name}</span>
            </li>
          ))}
        </ul>
      )}
      {counts.length === 0 ? (
        <p className="muted">Nothing outstanding</p>
      ) : (
        <ul>
          {counts.map((c) => (
            <li key={c.productId} data-product-id={c.productId} className={c.soldOut ? 'all-day--out' : undefined}>
              <span className="all-day__qty">{c.quantity}</span>
              <span className="all-day__name">
                {c.name}
                {c.soldOut && <span className="badge badge--86">86</span>}
              </span>
              {c.splits.length > 0 && (
                <span className="all-day__splits" data-splits>
                  {c.splits.map((sp, i) => (
                    <Fragment key={sp.name}>
                      {i > 0 && ' · '}
                      <span className="all-day__split">{`${sp.quantity} ${sp.name}`}</span>
                      {/* Beside its count, free to wrap under it: a long option and its marker may not fit the narrow panel. */}
                      {sp.soldOut && (
                        <>
                          {' '}
                          <span className="badge badge--86 all-day__split-86">86'd</span>
                        </>
                      )}
                    </Fragment>
                  ))}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
