import type { Product } from '@kitchensync/shared';
import { newId } from '../model/ids.ts';
import { moved, newGroup, type FieldErrors, type GroupForm } from '../model/modifier-form.ts';
import { GroupEditor } from './modifier-group-editor.tsx';

export interface ModifierGroupsEditorProps {
  readonly groups: readonly GroupForm[];
  readonly onChange: (groups: GroupForm[]) => void;
  /** Problems by field, shown once a save was tried (before, a field's error would appear on blur and move the button being clicked). */
  readonly errors: FieldErrors;
  /** The product as stored (live): which options exist to be 86'd, and whether they are. */
  readonly stored: Product | undefined;
}

/** What ordering the product asks: groups with their rule in words and their priced options. */
export function ModifierGroupsEditor({ groups, onChange, errors, stored }: ModifierGroupsEditorProps) {
  const set = (i: number, group: GroupForm) => onChange(groups.map((g, n) => (n === i ? group : g)));
  return (
    <div className="modifier-groups">
      {groups.map((g, i) => (
        <GroupEditor
          key={g.id}
          index={i}
          count={groups.length}
          group={g}
          errors={errors}
          stored={stored}
          onChange={(group) => set(i, group)}
          onRemove={() => onChange(groups.filter((_, n) => n !== i))}
          onMove={(by) => onChange(moved(groups, i, by))}
        />
      ))}
      {errors['groups'] && <span className="field-error">{errors['groups']}</span>}
      <button type="button" className="link-btn" onClick={() => onChange([...groups, newGroup(newId('g'), newId('o'))])}>
        + modifier group
      </button>
    </div>
  );
}
