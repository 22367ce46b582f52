import type { IssuedToken } from '../api/admin-api.ts';

/** A new token's secret, shown once: the server keeps only its hash. */
export function IssuedTokenNotice({ issued, onClose }: { issued: IssuedToken; onClose: () => void }) {
  return (
    <div className="banner banner--success issued-token" role="status">
      <div>
        <strong>New {issued.role} token.</strong> Copy it now: it will not be shown again.
        <div className="copy-field">
          <input readOnly value={issued.token} aria-label="New token" data-issued-token={issued.token} onFocus={(e) => e.target.select()} />
          <button type="button" className="btn btn--small" onClick={() => void navigator.clipboard?.writeText(issued.token).catch(() => undefined)}>
            Copy
          </button>
        </div>
      </div>
      <button type="button" className="btn btn--small btn--ghost" onClick={onClose}>
        Done
      </button>
    </div>
  );
}
