import { keymapLegend } from '../model/keymap.ts';

export function KeymapLegend() {
  return (
    <footer className="keymap" aria-label="Keyboard">
      {keymapLegend.map((k) => (
        <span key={k.keys} className="keymap__entry">
          <kbd>{k.keys}</kbd> {k.action}
        </span>
      ))}
    </footer>
  );
}
