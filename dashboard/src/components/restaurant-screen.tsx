import { useEffect, useState, type FormEvent } from 'react';
import { fetchRestaurantSettings, saveRestaurantSettings } from '../api/restaurant-api.ts';
import { VersionNote } from './version-note.tsx';

/** The restaurant's public details: the name and phone number customers see on their tracking page. */
export function RestaurantScreen({ token }: { token: string }) {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    fetchRestaurantSettings(token).then(
      (s) => {
        if (!live) return;
        setName(s.name);
        setPhone(s.phone ?? '');
        setLoaded(true);
      },
      (err: unknown) => live && setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [token]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const saved = await saveRestaurantSettings(token, { name: name.trim(), phone: phone.trim() === '' ? null : phone.trim() });
      setName(saved.name);
      setPhone(saved.phone ?? '');
      setMessage({ kind: 'ok', text: 'Saved. Tracking pages show it from now on.' });
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="restaurant-screen">
      <div className="page-head">
        <div>
          <h1>Restaurant</h1>
          <p className="muted">What customers see on their order tracking page.</p>
        </div>
      </div>
      <form className="card restaurant-form" onSubmit={(e) => void submit(e)} aria-label="Restaurant details" aria-busy={!loaded}>
        <label className="field">
          <span className="field__label">Name</span>
          <input name="restaurantName" value={name} maxLength={80} required onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">Phone for customers</span>
          <input name="restaurantPhone" type="tel" value={phone} maxLength={30} placeholder="+44 20 7946 0000" onChange={(e) => setPhone(e.target.value)} />
        </label>
        {message && (
          <p className={message.kind === 'ok' ? 'form-ok' : 'form-error'} role={message.kind === 'ok' ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy || !loaded}>
          Save
        </button>
      </form>
      <VersionNote />
    </div>
  );
}
