import { useEffect, useRef } from 'react';
import { keyCommand, type KeyCommand } from '../model/keymap.ts';

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

/** Bump-bar keys, wherever focus is (except while typing in a field). */
export function useKitchenKeys(dispatch: (cmd: KeyCommand) => void): void {
  const latest = useRef(dispatch);
  latest.current = dispatch;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const cmd = keyCommand(e);
      if (!cmd) return;
      e.preventDefault();
      latest.current(cmd);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
