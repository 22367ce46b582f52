import type { RejectionNotice } from '../model/rejection-notice.ts';

/** Changes the server undid; each stays until someone acknowledges it. */
export function RejectionNotices({ notices, onDismiss }: { notices: readonly RejectionNotice[]; onDismiss: (key: string) => void }) {
  if (notices.length === 0) return null;
  return (
    <section className="rejections" aria-label="Changes undone by the server">
      {notices.map((n) => (
        <div key={n.key} className="rejection" role="alert" data-rejection-key={n.key}>
          <span className="rejection__ticket">{n.ticket}</span>
          <span className="rejection__what">{n.undone}</span>
          <span className="rejection__why">{n.reason}</span>
          <button type="button" className="btn btn--ghost" onClick={() => onDismiss(n.key)}>
            OK, got it
          </button>
        </div>
      ))}
    </section>
  );
}
