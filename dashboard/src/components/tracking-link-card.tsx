import { useState } from 'react';
import { config } from '../config.ts';
import { trackingUrl } from '../routing/routes.ts';

/** The link to give the customer; the server issues its token once it has the order. */
export function TrackingLinkCard({ token }: { token: string }) {
  const [copied, setCopied] = useState(false);
  if (!token) {
    return (
      <section className="card">
        <h2>Tracking link</h2>
        <p className="muted">The link appears as soon as the server has received this order.</p>
      </section>
    );
  }
  const url = trackingUrl(config.serverUrl, token);
  const copy = () => {
    void navigator.clipboard
      ?.writeText(url)
      .then(() => {
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      })
      .catch(() => undefined);
  };
  return (
    <section className="card">
      <h2>Tracking link</h2>
      <p className="muted small">Give this to the customer: it shows this order’s progress and nothing else.</p>
      <div className="copy-field">
        <input readOnly value={url} aria-label="Tracking link" data-tracking-url={url} onFocus={(e) => e.target.select()} />
        <button type="button" className="btn btn--small" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        <a className="btn btn--small btn--ghost" href={url} target="_blank" rel="noreferrer">
          Open
        </a>
      </div>
    </section>
  );
}
