export function AllergenBanner(props: { allergens: readonly string[]; acknowledged: boolean; onAcknowledge: () => void }) {
  if (props.allergens.length === 0) return null;
  return (
    <div className={`allergens ${props.acknowledged ? 'allergens--acked' : ''}`} role="alert">
      <span className="allergens__label">⚠ Allergens: {props.allergens.join(', ')}</span>
      {props.acknowledged ? (
        <span className="allergens__ok">✓ acknowledged</span>
      ) : (
        <button type="button" className="btn btn--warn" onClick={props.onAcknowledge}>
          Acknowledge <kbd>a</kbd>
        </button>
      )}
    </div>
  );
}
