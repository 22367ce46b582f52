import { useVersionText } from '@kitchensync/sync-client/react';
import { config } from '../config.ts';

/** The dashboard's version and its server's (README "Versions"). */
export function VersionNote() {
  const { text, updateRequired } = useVersionText(config.serverUrl);
  return (
    <p className={updateRequired ? 'form-error' : 'muted small'} data-version-line data-update-required={updateRequired}>
      {text}
    </p>
  );
}
