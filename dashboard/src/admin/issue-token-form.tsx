import { useState, type FormEvent } from 'react';

type StaffRole = 'manager' | 'kitchen' | 'hub';

/** Issue a manager, kitchen or restaurant-hub token with a label saying whose it is. */
export function IssueTokenForm({ onIssue }: { onIssue: (role: StaffRole, label: string) => Promise<void> }) {
  const [role, setRole] = useState<StaffRole>('kitchen');
  const [label, setLabel] = useState('');
  const [problem, setProblem] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    onIssue(role, label.trim()).then(
      () => setLabel(''),
      (err: unknown) => setProblem(err instanceof Error ? err.message : String(err)),
    );
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Issue a token">
      <select value={role} onChange={(e) => setRole(e.target.value as StaffRole)} aria-label="Role">
        <option value="kitchen">Kitchen</option>
        <option value="manager">Manager</option>
        <option value="hub">Restaurant hub</option>
      </select>
      <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder="Label (e.g. Grill tablet)" aria-label="Label" maxLength={200} />
      <button type="submit" className="btn btn--primary btn--small">
        Issue token
      </button>
      {problem && <span className="form-error">{problem}</span>}
    </form>
  );
}
