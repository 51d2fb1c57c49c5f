import { useEffect, useState } from 'react';
import { get, post, put, session } from './api.ts';
import { LOCALE_NAMES, LOCALES, currentLocale, isLocale, switchLocale, useT, tk } from './i18n/i18n.ts';
import { href, useRoute } from './router.ts';
import { SignIn } from './sign-in.tsx';
import type { Me, PageProps, Role } from './types.ts';
import { Loading, setLendingCurrency } from './ui.tsx';
import { OverviewPage } from './pages/overview.tsx';
import { FlowsPage } from './pages/flows.tsx';
import { ReleasesPage } from './pages/releases.tsx';
import { TablesPage } from './pages/tables.tsx';
import { DmnPage } from './pages/dmn.tsx';
import { ModelsPage } from './pages/models.tsx';
import { DecisionsPage } from './pages/decisions.tsx';
import { ReviewsPage } from './pages/reviews.tsx';
import { SandboxPage } from './pages/sandbox.tsx';
import { AuditPage } from './pages/audit.tsx';
import { KeysPage } from './pages/keys.tsx';

/** Pages, and the roles whose keys the API lets read what each shows: the navigation offers no page a role cannot use. Titles are English keys, shown translated. */
const PAGES: { id: string; title: string; roles: Role[]; Page: (p: PageProps) => React.ReactNode }[] = [
  { id: 'overview', title: tk('Overview'), roles: ['risk-manager', 'analyst', 'auditor'], Page: OverviewPage },
  { id: 'flows', title: tk('Flows'), roles: ['admin', 'risk-manager', 'analyst', 'auditor', 'reviewer'], Page: FlowsPage },
  { id: 'releases', title: tk('Releases'), roles: ['risk-manager', 'analyst', 'auditor', 'admin'], Page: ReleasesPage },
  { id: 'tables', title: tk('Decision tables'), roles: ['risk-manager', 'analyst', 'auditor', 'reviewer', 'admin'], Page: TablesPage },
  { id: 'dmn', title: tk('DMN models'), roles: ['risk-manager', 'analyst', 'auditor', 'reviewer', 'admin'], Page: DmnPage },
  { id: 'models', title: tk('Models'), roles: ['admin', 'risk-manager', 'analyst', 'auditor'], Page: ModelsPage },
  { id: 'decisions', title: tk('Decisions'), roles: ['service', 'analyst', 'risk-manager', 'reviewer', 'auditor', 'admin'], Page: DecisionsPage },
  { id: 'reviews', title: tk('Review queue'), roles: ['reviewer', 'risk-manager'], Page: ReviewsPage },
  { id: 'sandbox', title: tk('Sandbox'), roles: ['admin', 'risk-manager', 'analyst', 'auditor'], Page: SandboxPage },
  { id: 'audit', title: tk('Audit log'), roles: ['auditor', 'admin'], Page: AuditPage },
  { id: 'keys', title: tk('Keys and roles'), roles: ['admin'], Page: KeysPage },
];

/** The language menu: the choice is kept for the person signed in (on the server), so it follows them to any browser. */
function LanguageMenu() {
  const t = useT();
  return (
    <select
      aria-label={t('Language')}
      className="language"
      value={currentLocale()}
      onChange={async (e) => {
        const locale = e.target.value;
        if (!isLocale(locale)) return;
        // Kept first, so that once the console shows the language every other browser of this person opens in it.
        await put('/v1/me/preferences', { locale }).catch(() => undefined);
        await switchLocale(locale);
      }}
    >
      {LOCALES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LOCALE_NAMES[l]}
        </option>
      ))}
    </select>
  );
}

/** The language this person chose, wherever they chose it, wins over this browser's. */
function adoptLocale(who: Me): void {
  setLendingCurrency(who.currency);
  if (who.locale && who.locale !== currentLocale()) void switchLocale(who.locale);
}

export function App() {
  const t = useT();
  const [me, setMe] = useState<Me | null>(null);
  // Signed in already: with a key kept in this tab, or with the session cookie of single sign-on.
  const [checking, setChecking] = useState(true);
  const route = useRoute();
  const signedInAs = (who: Me) => {
    adoptLocale(who);
    setMe(who);
  };

  useEffect(() => {
    // Without a key, only single sign-on can have signed this browser in: asked only where it is set up,
    // so that opening the console does not count as a failed attempt against this address.
    const signedIn = session.key()
      ? Promise.resolve(true)
      : get<{ singleSignOn: boolean }>('/v1/auth/config').then(
          (c) => c.singleSignOn,
          () => false,
        );
    signedIn
      .then((maybe) =>
        maybe
          ? get<Me>('/v1/me').then(
              (who) => {
                adoptLocale(who);
                setMe(who);
              },
              () => session.signOut(),
            )
          : undefined,
      )
      .finally(() => setChecking(false));
  }, []);
  useEffect(() => {
    const out = () => {
      session.signOut();
      setMe(null);
    };
    window.addEventListener('arbiter:signed-out', out);
    return () => window.removeEventListener('arbiter:signed-out', out);
  }, []);

  if (checking) return <Loading what={t('your session')} />;
  if (!me) return <SignIn onSignedIn={signedInAs} />;

  const allowed = PAGES.filter((p) => p.roles.includes(me.role));
  const current = allowed.find((p) => p.id === route[0]) ?? allowed[0];
  const denied = route[0] && !allowed.some((p) => p.id === route[0]) && PAGES.some((p) => p.id === route[0]);
  return (
    <div className="shell">
      <a className="skip" href="#main">
        {t('Skip to content')}
      </a>
      <header className="top">
        <span className="brand">Arbiter</span>
        <nav aria-label={t('Pages')}>
          <ul>
            {allowed.map((p) => (
              <li key={p.id}>
                <a href={href(p.id)} aria-current={p === current ? 'page' : undefined}>
                  {t(p.title)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">
          {me.name} <span className="badge">{me.role}</span>
          <LanguageMenu />
          <button
            type="button"
            className="btn btn-secondary"
            onClick={async () => {
              // A console session is ended at the server; a key is only forgotten by this tab.
              if (me.via === 'session') await post('/v1/auth/logout').catch(() => undefined);
              session.signOut();
              setMe(null);
            }}
          >
            {t('Sign out')}
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        {denied ? (
          <div className="error" role="alert">
            {t('The role {{role}} may not open {{page}}; it is not in the menu for that reason.', { role: me.role, page: route[0] })}
          </div>
        ) : null}
        {current ? (
          <current.Page me={me} route={current.id === route[0] ? route : [current.id]} />
        ) : (
          <p>{t('No page is open to the role {{role}}.', { role: me.role })}</p>
        )}
      </main>
    </div>
  );
}
