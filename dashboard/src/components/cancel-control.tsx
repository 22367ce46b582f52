import type { Order } from '@kitchensync/shared';
import { useState, type FormEvent } from 'react';
import { canCancel, orderActions } from '../model/order-actions.ts';

/** Cancel, asking for a reason when the order table requires one (food already being cooked). */
export function CancelControl({ order, onCancel, compact = false }: { order: Order; onCancel: (reason: string) => void; compact?: boolean }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { cancel } = orderActions(order);
  if (!cancel.allowed) return null;
  if (!open) {
    return (
      <button type="button" className={`btn btn--ghost btn--danger-text${compact ? ' btn--small' : ''}`} onClick={() => setOpen(true)}>
        Cancel…
      </button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!canCancel(order, reason)) return;
    onCancel(reason);
    setOpen(false);
    setReason('');
  };
  return (
    <form className="cancel-form" onSubmit={submit}>
      <input
        className="cancel-form__reason"
        name="reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={cancel.needsReason ? 'Reason (required: the kitchen has started)' : 'Reason (optional)'}
        aria-label="Reason for cancelling"
        maxLength={500}
        autoFocus
      />
      <div className="cancel-form__buttons">
        <button type="submit" className="btn btn--danger btn--small" disabled={!canCancel(order, reason)}>
          Cancel order
        </button>
        <button type="button" className="btn btn--ghost btn--small" onClick={() => setOpen(false)}>
          Keep
        </button>
      </div>
    </form>
  );
}
