import { useEffect, useState } from 'react';
import { fetchServerVersion, versionText } from '../server-version.ts';

const everyMs = 5 * 60_000;

/** This app's and its server's versions as one line, asked again every few minutes (servers roll). */
export function useVersionText(serverUrl: string): { text: string; updateRequired: boolean } {
  const [text, setText] = useState(() => versionText(undefined));
  useEffect(() => {
    let live = true;
    const ask = () => void fetchServerVersion(serverUrl).then((v) => live && setText(versionText(v)));
    ask();
    const id = setInterval(ask, everyMs);
    return () => {
      live = false;
      clearInterval(id);
    };
  }, [serverUrl]);
  return text;
}
