import { useState, type FormEvent } from 'react';
import { api, session } from './api.ts';
import { ErrorBox } from './ui.tsx';
import type { Me } from './types.ts';

export function SignIn({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await api<Me>('GET', '/v1/me', undefined, key.trim());
      session.signIn(key.trim());
      onSignedIn(me);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Arbiter</h1>
        <p className="muted">Sign in with an API key. `npm start` prints the demo keys; an admin creates others under Keys.</p>
        <label htmlFor="api-key">API key</label>
        {/* biome-ignore lint/a11y/noAutofocus: signing in is the only thing this page does */}
        <input id="api-key" type="password" autoComplete="off" autoFocus value={key} onChange={(e) => setKey(e.target.value)} placeholder="arb_…" required />
        <button type="submit" className="btn btn-primary" disabled={busy || !key.trim()}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <ErrorBox error={error} />
        <p className="muted small">The key is kept in this tab's session storage only, and forgotten when the tab closes.</p>
      </form>
    </main>
  );
}
