import { modifierLines, type Order } from '@kitchensync/shared';
import { config } from '../config.ts';
import { formatMoney } from '../model/format.ts';
import { courseLabel } from '../model/labels.ts';

export function OrderLinesTable({ order }: { order: Order }) {
  const money = (cents: number) => formatMoney(cents, config.currency, config.locale);
  return (
    <table className="table order-lines">
      <thead>
        <tr>
          <th className="num">Qty</th>
          <th>Item</th>
          <th className="num">Unit</th>
          <th className="num">Total</th>
        </tr>
      </thead>
      <tbody>
        {order.lines.map((l) => (
          <tr key={l.id} data-line-id={l.id}>
            <td className="num">{l.quantity}</td>
            <td>
              <div>
                {l.name}
                {(l.course ?? 1) > 1 && <span className="course-chip">{courseLabel(l.course ?? 1)}</span>}
              </div>
              {l.allergy && <div className="allergy-note small">Guest allergy: {l.allergy}</div>}
              {modifierLines(l).length > 0 && <div className="muted small" data-line-modifiers>{modifierLines(l).join(' · ')}</div>}
              {l.notes && <div className="note small">“{l.notes}”</div>}
            </td>
            <td className="num">{money(l.unitPriceCents)}</td>
            <td className="num">{money(l.lineTotalCents)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td className="num">{order.itemCount}</td>
          <td>Total</td>
          <td />
          <td className="num strong">{money(order.totalCents)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
