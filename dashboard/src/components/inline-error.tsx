/** A refusal the replica gave at once (nothing changed); dismissible. */
export function InlineError({ message, onDismiss }: { message: string | undefined; onDismiss: () => void }) {
  if (!message) return null;
  return (
    <div className="banner banner--danger banner--inline" role="alert">
      <span>{message}</span>
      <button type="button" className="btn btn--small btn--ghost" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
