export interface StringListEditorProps {
  readonly items: readonly string[];
  readonly onChange: (items: string[]) => void;
  readonly placeholder: string;
  readonly addLabel: string;
  readonly numbered?: boolean;
}

/** Editable rows of text (recipe steps): add, edit, move up, remove. */
export function StringListEditor({ items, onChange, placeholder, addLabel, numbered = false }: StringListEditorProps) {
  const set = (i: number, value: string) => onChange(items.map((s, n) => (n === i ? value : s)));
  const remove = (i: number) => onChange(items.filter((_, n) => n !== i));
  const up = (i: number) => onChange(items.map((s, n) => (n === i - 1 ? (items[i] ?? s) : n === i ? (items[i - 1] ?? s) : s)));
  return (
    <div className="list-editor">
      {items.map((value, i) => (
        <div key={i} className="list-editor__row">
          {numbered && <span className="list-editor__num">{i + 1}</span>}
          <input value={value} placeholder={placeholder} maxLength={300} onChange={(e) => set(i, e.target.value)} aria-label={`${placeholder} ${i + 1}`} />
          <button type="button" className="icon-btn" aria-label="Move up" disabled={i === 0} onClick={() => up(i)}>
            ↑
          </button>
          <button type="button" className="icon-btn" aria-label="Remove" onClick={() => remove(i)}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="link-btn" onClick={() => onChange([...items, ''])}>
        + {addLabel}
      </button>
    </div>
  );
}
