/** A strip above the rail naming what is 86'd on this line, so nobody has to open the drawer to know. */
export function SoldOutStrip({ products }: { products: readonly { id: string; name: string }[] }) {
  if (products.length === 0) return null;
  return (
    <p className="sold-out-strip" role="status" aria-label="86 — sold out">
      <strong>86</strong>
      {products.map((p) => (
        <span key={p.id} className="sold-out-strip__item" data-sold-out={p.id}>
          {p.name}
        </span>
      ))}
    </p>
  );
}
