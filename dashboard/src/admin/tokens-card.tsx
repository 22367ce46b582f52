import { useState } from 'react';
import type { AdminApi, IssuedToken, TokenRow } from '../api/admin-api.ts';
import { IssueTokenForm } from './issue-token-form.tsx';
import { IssuedTokenNotice } from './issued-token-notice.tsx';
import type { Poll } from './use-poll.ts';

/** The tenant's manager and kitchen tokens: issue new ones, revoke old ones. */
export function TokensCard({ api, tenantId, tokens }: { api: AdminApi; tenantId: string; tokens: Poll<TokenRow[]> }) {
  const [issued, setIssued] = useState<IssuedToken>();
  const [problem, setProblem] = useState<string>();
  const revoke = (id: string) => {
    if (!window.confirm('Revoke this token? Devices using it are signed out at once.')) return;
    api.revokeToken(id).then(tokens.reload, (err: unknown) => setProblem(err instanceof Error ? err.message : String(err)));
  };
  return (
    <section className="card">
      <h2>Tokens</h2>
      {issued && <IssuedTokenNotice issued={issued} onClose={() => setIssued(undefined)} />}
      {tokens.error && <p className="form-error">{tokens.error}</p>}
      {problem && <p className="form-error">{problem}</p>}
      <table className="table">
        <thead>
          <tr>
            <th>Label</th>
            <th>Role</th>
            <th>Issued</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(tokens.data ?? []).map((t) => (
            <tr key={t.id} data-token-id={t.id} className={t.revokedAt ? 'is-inactive' : ''}>
              <td>{t.label || <span className="muted">—</span>}</td>
              <td>
                <span className={`pill pill--${t.role}`}>{t.role}</span>
              </td>
              <td className="small">{t.createdAt.slice(0, 16).replace('T', ' ')}</td>
              <td className="small">{t.revokedAt ? `revoked ${t.revokedAt.slice(0, 10)}` : 'active'}</td>
              <td className="num">
                {!t.revokedAt && (
                  <button type="button" className="btn btn--small btn--ghost btn--danger-text" onClick={() => revoke(t.id)}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <IssueTokenForm
        onIssue={async (role, label) => {
          setIssued(await api.issueToken(tenantId, role, label));
          tokens.reload();
        }}
      />
    </section>
  );
}
