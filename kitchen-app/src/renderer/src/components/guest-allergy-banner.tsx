/** The loudest thing on a card: the guest's allergy, locking the ticket until a cook acknowledges it. */
export function GuestAllergyBanner(props: { allergies: readonly string[]; acknowledged: boolean; onAcknowledge: () => void }) {
  if (props.allergies.length === 0) return null;
  return (
    <div className={`guest-allergy ${props.acknowledged ? 'guest-allergy--acked' : ''}`} role="alert">
      <span className="guest-allergy__label">Guest allergy</span>
      {props.allergies.map((a) => (
        <span key={a} className="guest-allergy__text">
          {a}
        </span>
      ))}
      {props.acknowledged ? (
        <span className="guest-allergy__ok">✓ acknowledged</span>
      ) : (
        <button type="button" className="btn btn--allergy" onClick={props.onAcknowledge}>
          Acknowledge <kbd>a</kbd>
        </button>
      )}
    </div>
  );
}
