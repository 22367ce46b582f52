import { useState, type FormEvent } from 'react';
import type { AdminApi } from '../api/admin-api.ts';

/** A message to every connected device of the tenant (kitchen screens and dashboards). */
export function BroadcastForm({ api, tenantId }: { api: AdminApi; tenantId: string }) {
  const [message, setMessage] = useState('');
  const [result, setResult] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!message.trim()) return;
    api.broadcast(tenantId, message.trim()).then(
      (r) => {
        setResult(`Sent to ${r.recipients} connected device${r.recipients === 1 ? '' : 's'}.`);
        setMessage('');
      },
      (err: unknown) => setResult(err instanceof Error ? err.message : String(err)),
    );
  };
  return (
    <form className="card" onSubmit={submit} aria-label="Broadcast">
      <h2>Broadcast</h2>
      <label className="field">
        <span className="field__label">Message</span>
        <textarea rows={3} maxLength={2000} value={message} onChange={(e) => setMessage(e.target.value)} placeholder="Server maintenance at 23:00 — keep working, changes will sync." />
      </label>
      <div className="inline-form">
        <button type="submit" className="btn btn--primary" disabled={!message.trim()}>
          Send to all devices
        </button>
        {result && (
          <span className="muted small" role="status">
            {result}
          </span>
        )}
      </div>
    </form>
  );
}
