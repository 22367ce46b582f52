import { upsertStationArgsSchema, type UpsertStationArgs } from '@kitchensync/shared';
import { useState, type FormEvent } from 'react';
import { newId } from '../model/ids.ts';

/** Adds a station; its type decides which products it cooks. */
export function NewStationForm({ stationTypes, onAdd }: { stationTypes: readonly string[]; onAdd: (args: UpsertStationArgs) => void }) {
  const [name, setName] = useState('');
  const [type, setType] = useState('');
  const [capacity, setCapacity] = useState('4');
  const [problem, setProblem] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = upsertStationArgsSchema.safeParse({ id: newId('st'), name: name.trim(), type: type.trim(), capacity: Number(capacity) });
    if (!parsed.success) {
      setProblem('Give the station a name, a lower_snake_case type (like grill) and a capacity of at least 1.');
      return;
    }
    setProblem(undefined);
    onAdd(parsed.data);
    setName('');
  };
  return (
    <form className="card new-station" onSubmit={submit} aria-label="New station">
      <h2>Add a station</h2>
      <div className="field-row field-row--3">
        <label className="field">
          <span className="field__label">Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Grill 3" />
        </label>
        <label className="field">
          <span className="field__label">Type</span>
          <input value={type} list="new-station-types" onChange={(e) => setType(e.target.value)} placeholder="grill" />
          <datalist id="new-station-types">
            {stationTypes.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span className="field__label">Capacity</span>
          <input inputMode="numeric" value={capacity} onChange={(e) => setCapacity(e.target.value)} />
        </label>
      </div>
      {problem && <p className="form-error">{problem}</p>}
      <button type="submit" className="btn btn--primary">
        Add station
      </button>
    </form>
  );
}
