import { useVersionText } from '@kitchensync/sync-client/react';
import { useState, type FormEvent } from 'react';
import type { StoredSettings } from '../../../common/settings.ts';
import { defaultServerUrl } from '../config/settings-store.ts';

/** First run: where the sync server is and which kitchen token this terminal uses. */
export function SetupScreen({ initial, onSave }: { initial: StoredSettings; onSave: (s: { serverUrl: string; token: string; hubUrl?: string }) => void }) {
  const [serverUrl, setServerUrl] = useState(initial.serverUrl ?? defaultServerUrl(window.location));
  const [token, setToken] = useState(initial.token ?? '');
  const [hubUrl, setHubUrl] = useState(initial.hubUrl ?? '');
  const isUrl = (url: string) => /^https?:\/\/\S+$/.test(url.trim());
  const valid = isUrl(serverUrl) && token.trim().length > 0 && (hubUrl.trim() === '' || isUrl(hubUrl));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) onSave({ serverUrl: serverUrl.trim(), token: token.trim(), ...(hubUrl.trim() ? { hubUrl: hubUrl.trim() } : {}) });
  };
  return (
    <main className="setup">
      <h1>Kitchen display setup</h1>
      <form className="setup__form" onSubmit={submit}>
        <label>
          Server URL
          <input name="serverUrl" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} autoComplete="off" />
        </label>
        <label>
          Restaurant hub URL (optional)
          <input name="hubUrl" value={hubUrl} onChange={(e) => setHubUrl(e.target.value)} autoComplete="off" placeholder="http://hub.local:8787" />
        </label>
        <label>
          Kitchen token
          <input name="token" type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="btn btn--big" disabled={!valid}>
          Connect
        </button>
      </form>
      {isUrl(serverUrl) && <VersionLine serverUrl={serverUrl.trim()} />}
    </main>
  );
}

/** This display's version and its server's, where a technician sets the display up. */
function VersionLine({ serverUrl }: { serverUrl: string }) {
  const { text, updateRequired } = useVersionText(serverUrl);
  return (
    <p className="setup__version" data-version-line data-update-required={updateRequired}>
      {text}
    </p>
  );
}
