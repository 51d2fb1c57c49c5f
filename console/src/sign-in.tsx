import { useState, type FormEvent } from 'react';
import { api, get, session } from './api.ts';
import { useT, tk } from './i18n/i18n.ts';
import { ErrorBox, useLoad } from './ui.tsx';
import type { Answer, Me } from './types.ts';

/** What the server says when single sign-on did not finish, in words (English keys, shown translated). */
const SIGN_IN_ERRORS: Record<string, string> = {
  no_role: tk('You signed in at your organisation, but none of your groups gives you a role in Arbiter. Ask an administrator.'),
  unknown_state: tk('That sign-in was not started here, was used already, or took too long. Sign in again.'),
  provider_error: tk("Your organisation's sign-in refused the request. Sign in again, or ask an administrator."),
  token_exchange_failed: tk("Your organisation's sign-in answered with something Arbiter could not use. Ask an administrator."),
  provider_unreachable: tk("Your organisation's sign-in cannot be reached just now. Try again in a moment, or sign in with an API key."),
};

export function SignIn({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const t = useT();
  const [key, setKey] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const config = useLoad(() => get<Answer<'/v1/auth/config'>>('/v1/auth/config'), []);
  const failed = new URLSearchParams(window.location.search).get('sign_in_error');
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
        {failed ? (
          <div className="error" role="alert">
            {SIGN_IN_ERRORS[failed] ? t(SIGN_IN_ERRORS[failed]) : t('Signing in did not finish ({{reason}}).', { reason: failed })}
          </div>
        ) : null}
        {config.data?.singleSignOn ? (
          <p>
            <a className="btn btn-primary" href="/v1/auth/oidc/login">
              {t("Sign in with your organisation's account")}
            </a>
          </p>
        ) : null}
        <p className="muted">
          {config.data?.singleSignOn ? t('Or sign in with an API key.') : t('Sign in with an API key.')}{' '}
          {t('`npm start` prints the demo keys; an admin creates others under Keys.')}
        </p>
        <label htmlFor="api-key">{t('API key')}</label>
        {/* biome-ignore lint/a11y/noAutofocus: signing in is the only thing this page does */}
        <input id="api-key" type="password" autoComplete="off" autoFocus value={key} onChange={(e) => setKey(e.target.value)} placeholder="arb_…" required />
        <button type="submit" className="btn btn-primary" disabled={busy || !key.trim()}>
          {busy ? t('Signing in…') : t('Sign in')}
        </button>
        <ErrorBox error={error} />
        <p className="muted small">{t("The key is kept in this tab's session storage only, and forgotten when the tab closes.")}</p>
      </form>
    </main>
  );
}
