import { useEffect, useState, type FormEvent } from 'react';
import { config } from '../config.ts';
import { detectRole, roleCheckMessage } from '../session/detect-role.ts';
import { sessionSchema, type Session } from '../session/session-store.ts';
import { BrandMark } from './brand-mark.tsx';

/** The cloud the server of this page mirrors, if that server is a restaurant hub. */
async function hubOfPage(): Promise<string | undefined> {
  try {
    const health = (await (await fetch(`${config.serverUrl}/api/health`)).json()) as { hub?: { upstream?: unknown } };
    return typeof health.hub?.upstream === 'string' ? health.hub.upstream : undefined;
  } catch {
    return undefined;
  }
}

/** Paste a token once; the server says whether it is a manager's or the admin's, and it is remembered. */
export function SignInScreen({ onSignIn }: { onSignIn: (session: Session) => void }) {
  const [token, setToken] = useState('');
  const [serverUrl, setServerUrl] = useState<string>(config.serverUrl);
  const [hubUrl, setHubUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [servedByHub, setServedByHub] = useState(false);

  // A page served by a restaurant hub offers the hub and its cloud, not the hub as the cloud.
  useEffect(() => {
    let live = true;
    void hubOfPage().then((upstream) => {
      if (!live || !upstream) return;
      setServedByHub(true);
      setHubUrl((hub) => hub || config.serverUrl);
      setServerUrl((cloud) => (cloud === config.serverUrl ? upstream : cloud));
    });
    return () => {
      live = false;
    };
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = token.trim();
    if (!value) return;
    const hub = hubUrl.trim() === '' ? undefined : sessionSchema.shape.hubUrl.safeParse(hubUrl);
    const cloud = sessionSchema.shape.serverUrl.safeParse(serverUrl);
    if (!cloud.success || hub?.success === false) {
      setProblem('Server addresses start with http:// or https://.');
      return;
    }
    const servers = { ...(cloud.data && cloud.data !== config.serverUrl ? { serverUrl: cloud.data } : {}), ...(hub?.data ? { hubUrl: hub.data } : {}) };
    setBusy(true);
    setProblem(undefined);
    const ask = (base: string) => detectRole(base, value, (url, init) => fetch(url, init));
    // With the internet down, the restaurant's hub knows the token too.
    let check = await ask(cloud.data ?? config.serverUrl);
    if (!check.ok && check.reason === 'unreachable' && servers.hubUrl) check = await ask(servers.hubUrl);
    setBusy(false);
    if (!check.ok) {
      setProblem(roleCheckMessage[check.reason]);
      return;
    }
    onSignIn(check.role === 'admin' ? { token: value, role: 'admin' } : { token: value, role: 'manager', ...(check.tenantId ? { tenantId: check.tenantId } : {}), ...servers });
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
        <details className="sign-in__servers" open={servedByHub}>
          <summary>Restaurant hub</summary>
          <p className="muted">With a hub on the restaurant's network, orders keep reaching the kitchen while the internet is down.</p>
          <label className="field">
            <span className="field__label">Restaurant hub URL (optional)</span>
            <input name="hubUrl" autoComplete="off" spellCheck={false} placeholder="http://hub.local:8787" value={hubUrl} onChange={(e) => setHubUrl(e.target.value)} />
          </label>
          <label className="field">
            <span className="field__label">Cloud server URL</span>
            <input name="serverUrl" autoComplete="off" spellCheck={false} value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />
          </label>
        </details>
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
