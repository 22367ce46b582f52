import type { IngredientUse } from '../model/kitchen.ts';

const amount = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, ''));

/** Ingredients the kitchen used (items completed) in the period. */
export function ConsumptionTable({ uses }: { uses: readonly IngredientUse[] }) {
  if (uses.length === 0) return <p className="empty-note">Nothing completed yet today.</p>;
  return (
    <table className="table consumption-table">
      <thead>
        <tr>
          <th>Ingredient</th>
          <th className="num">Used</th>
          <th>Unit</th>
        </tr>
      </thead>
      <tbody>
        {uses.map((u) => (
          <tr key={`${u.name}|${u.unit}`}>
            <td>{u.name}</td>
            <td className="num">{amount(u.quantity)}</td>
            <td>{u.unit}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
