import { useEffect, useState } from 'react';
import { completeSettings, type StationChoice, type StoredSettings } from '../../common/settings.ts';
import { KitchenScreen } from './components/kitchen-screen.tsx';
import { SetupScreen } from './components/setup-screen.tsx';
import { StationPicker } from './components/station-picker.tsx';
import { loadSettings, saveSettings } from './config/settings-store.ts';
import { SyncProvider } from '@kitchensync/sync-client/react';
import { parseTuning } from './config/tuning.ts';

/** Setup first (server, token, stations), then the kitchen screen. */
export function App() {
  const [stored, setStored] = useState<StoredSettings>();
  const [picking, setPicking] = useState(false);
  useEffect(() => {
    loadSettings().then(setStored, () => setStored({}));
  }, []);
  if (!stored) return null;

  const save = (next: StoredSettings) => {
    setStored(next);
    void saveSettings(next).catch(() => undefined);
  };
  if (!stored.serverUrl || !stored.token) {
    return <SetupScreen initial={stored} onSave={(s) => save({ ...stored, ...s })} />;
  }
  const settings = completeSettings(stored);
  const choose = (stations: StationChoice, chime: boolean) => {
    setPicking(false);
    save({ ...stored, stations, chime });
  };
  return (
    <SyncProvider
      key={stored.hubUrl ?? ''}
      serverUrl={stored.serverUrl}
      token={stored.token}
      options={{ stuckAfterMs: parseTuning(window.location.search).stuckAfterMs, ...(stored.hubUrl ? { hubUrl: stored.hubUrl } : {}) }}
      exposeAs="ksClient"
    >
      {settings && !picking ? (
        <KitchenScreen settings={settings} onSettings={() => setPicking(true)} />
      ) : (
        <StationPicker initial={stored.stations} chime={stored.chime ?? true} onChoose={choose} onChangeServer={() => save(forgetToken(stored))} />
      )}
    </SyncProvider>
  );
}

/** Back to the setup form, keeping the server URL and station choice. */
function forgetToken(stored: StoredSettings): StoredSettings {
  const copy = { ...stored };
  delete copy.token;
  return copy;
}
