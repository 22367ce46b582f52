/** Move up / move down for one entry of an ordered list (a modifier group, an option), named for what they move. */
export function MoveButtons({ name, index, count, onMove }: { name: string; index: number; count: number; onMove: (by: -1 | 1) => void }) {
  const button = (by: -1 | 1, label: string, arrow: string) => {
    const atEnd = by === -1 ? index === 0 : index === count - 1;
    const ariaLabel = `Move ${name} ${label}`;
    return (
      <button
        type="button"
        className="icon-btn"
        aria-label={ariaLabel}
        // aria-disabled, not disabled: the button keyboard focus is on stays focusable when its entry reaches an end.
        aria-disabled={atEnd}
        onClick={(e) => {
          if (atEnd) return;
          const form = e.currentTarget.form;
          onMove(by);
          // React moves the entry's node, and a moved node loses focus: give it back so the next press moves it again.
          requestAnimationFrame(() => form?.querySelector<HTMLButtonElement>(`button[aria-label="${CSS.escape(ariaLabel)}"]`)?.focus());
        }}
      >
        {arrow}
      </button>
    );
  };
  return (
    <span className="move-buttons">
      {button(-1, 'up', '↑')}
      {button(1, 'down', '↓')}
    </span>
  );
}
