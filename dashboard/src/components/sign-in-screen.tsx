import { useState, type FormEvent } from 'react';
import { config } from '../config.ts';
import { detectRole, roleCheckMessage } from '../session/detect-role.ts';
import type { Session } from '../session/session-store.ts';
import { BrandMark } from './brand-mark.tsx';

/** Paste a token once; the server says whether it is a manager's or the admin's, and it is remembered. */
export function SignInScreen({ onSignIn }: { onSignIn: (session: Session) => void }) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = token.trim();
    if (!value) return;
    setBusy(true);
    setProblem(undefined);
    const check = await detectRole(config.serverUrl, value, (url, init) => fetch(url, init));
    setBusy(false);
    if (!check.ok) {
      setProblem(roleCheckMessage[check.reason]);
      return;
    }
    onSignIn(check.role === 'admin' ? { token: value, role: 'admin' } : { token: value, role: 'manager', ...(check.tenantId ? { tenantId: check.tenantId } : {}) });
  };

  return (
    <main className="sign-in">
      <form className="sign-in__card" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
        <div className="sign-in__brand">
          <BrandMark />
          <span>kitchensync</span>
        </div>
        <h1 id="sign-in-title">Sign in to your restaurant</h1>
        <p className="muted">Paste the manager token your administrator gave you. Admin tokens open the administration view.</p>
        <label className="field">
          <span className="field__label">Access token</span>
          <input
            name="token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="ks_manager_…"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            autoFocus
          />
        </label>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="btn btn--primary btn--block" disabled={busy || token.trim() === ''}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
        <p className="sign-in__foot muted">This browser remembers the token until you sign out.</p>
      </form>
    </main>
  );
}
