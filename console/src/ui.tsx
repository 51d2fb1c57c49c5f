import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { ApiError } from './api.ts';
import { currentLocale, t, useT } from './i18n/i18n.ts';

/** Loads once (and again on `reload`), with loading and error states every page shows the same way. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: Error | null; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data: T | null; error: Error | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the load depends on (`deps`), as with useEffect itself
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: Error) => live && setState({ data: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

/** `what` is already in the reader's language. */
export function Loading({ what }: { what: string }) {
  const t = useT();
  return (
    <p className="muted" role="status" aria-live="polite">
      {t('Loading {{what}}…', { what })}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** The server's messages are in English (they name fields and values as the API does), so they are marked as such; the console's own are translated. */
export function ErrorBox({ error }: { error: Error | null }) {
  const t = useT();
  if (!error) return null;
  const status = error instanceof ApiError && error.status ? error.status : null;
  return (
    <div className="error" role="alert">
      <strong>{status ? t('Something went wrong ({{status}}).', { status }) : t('Something went wrong.')}</strong>{' '}
      {status ? <span lang="en">{error.message}</span> : error.message}
    </div>
  );
}

/** A page's standard states: an error, loading, or the content. */
export function Loaded<T>({
  state,
  what,
  children,
}: {
  state: { data: T | null; error: Error | null; loading: boolean };
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (state.error) return <ErrorBox error={state.error} />;
  if (state.loading && state.data === null) return <Loading what={what} />;
  return state.data === null ? null : children(state.data);
}

export function Badge({ value }: { value: string | null | undefined }) {
  return <span className={`badge badge-${value ?? 'none'}`}>{value ?? '—'}</span>;
}

// Numbers, dates and money in the reader's language (Intl), read at each render so a change of language shows at once.
const missing = (x: number | null | undefined): x is null | undefined => x === null || x === undefined || !Number.isFinite(x);
export const pct = (x: number | null | undefined, digits = 1) =>
  missing(x) ? '—' : x.toLocaleString(currentLocale(), { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits });
export const num = (x: number | null | undefined, digits = 0) =>
  missing(x) ? '—' : x.toLocaleString(currentLocale(), { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const when = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' }) : '—';
let lendingCurrency = 'CNY';
/** The currency the installation lends in, as the server says at sign-in (ARBITER_CURRENCY). */
export function setLendingCurrency(currency: string): void {
  lendingCurrency = currency;
}
/** An amount of money in the installation's currency, written as the reader's language writes it (¥5,000.00, CN¥5,000.00). */
export const money = (x: number | null | undefined, digits = 0) =>
  missing(x)
    ? '—'
    : x.toLocaleString(currentLocale(), { style: 'currency', currency: lendingCurrency, maximumFractionDigits: digits, minimumFractionDigits: digits });

export function Json({ value }: { value: unknown }) {
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

/** A button that runs an async action, shows that it is busy, and reports its error next to itself. */
export function ActionButton({
  onClick,
  children,
  kind = 'primary',
  disabled,
}: {
  onClick: () => Promise<unknown>;
  children: ReactNode;
  kind?: 'primary' | 'secondary' | 'danger';
  disabled?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  return (
    <span className="action">
      <button
        type="button"
        className={`btn btn-${kind}`}
        disabled={busy || disabled}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await onClick();
          } catch (err) {
            setError(err as Error);
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? t('Working…') : children}
      </button>
      <ErrorBox error={error} />
    </span>
  );
}

export interface SideItem {
  key: string;
  href: string;
  title: string;
  detail: ReactNode;
  current: boolean;
}

/** The list beside a page's content (flows, models, tables): one link per item, the open one marked. */
export function SideList({ items }: { items: SideItem[] }) {
  return (
    <ul className="list">
      {items.map((item) => (
        <li key={item.key}>
          <a href={item.href} aria-current={item.current ? 'true' : undefined}>
            <strong>{item.title}</strong>
            <span className="muted small">{item.detail}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Saves text as a file the browser downloads (the API answers with the key; a plain link would not carry it). */
export function saveText(text: string | Blob, name: string, type = 'application/xml'): void {
  const url = URL.createObjectURL(text instanceof Blob ? text : new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A value as a person reads it: numbers grouped and to a few decimals, lists and records nested, text as it is. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number')
    return Number.isInteger(v) ? v.toLocaleString(currentLocale()) : v.toLocaleString(currentLocale(), { maximumFractionDigits: Math.abs(v) < 1 ? 4 : 2 });
  if (typeof v === 'boolean') return v ? t('yes') : t('no');
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(formatValue).join(', ');
  return JSON.stringify(v);
}

/** Named values (an offer, what a flow computed) as a table instead of raw JSON. */
export function Values({ values, label }: { values: Record<string, unknown>; label: string }) {
  const rows = Object.entries(values);
  if (!rows.length) return <p className="muted">{t('None.')}</p>;
  return (
    <table aria-label={label} className="values">
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>
              {v !== null && typeof v === 'object' && !Array.isArray(v) ? (
                <Values values={v as Record<string, unknown>} label={`${label}: ${k}`} />
              ) : (
                formatValue(v)
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
