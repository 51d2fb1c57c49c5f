import { t } from '../i18n/i18n.ts';
import { useState } from 'react';
import type { LocatedIssue } from './checks.ts';
import { issuesAt, normalizePath, Problems, TextField } from './form-parts.tsx';

/** An optimize node's strategy as the flow stores it (docs/optimize.md): what may be offered and what it costs. */
interface Strategy {
  actions?: { limitFactors?: number[]; rates?: number[] };
  economics?: { fundingRate?: number; originationFee?: number; operatingCostPerLoan?: number; lgd?: number; eadFactor?: number };
  takeUp?: { midpointRate?: number; slope?: number };
  affordability?: { maxDti?: number; minResidualIncome?: number };
  [key: string]: unknown;
}

type Group = 'economics' | 'takeUp' | 'affordability';

/** Numbers as typed in a list ("0.5, 0.75, 1"): the numbers, or null while one is not a number yet. */
function numbers(text: string): number[] | null {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out = parts.map(Number);
  return out.some((n) => !Number.isFinite(n)) ? null : out;
}

/** A percentage field over a share (0.12 shown as 12). */
const pct = (x: number | undefined) => (x === undefined ? '' : String(Math.round(x * 1e6) / 1e4));

/**
 * The strategy as fields: the limits and rates that may be offered, the economics that value an
 * offer, take-up and affordability. Every change writes the strategy back whole; what is left
 * empty is left out, so the node's checks say what is still needed.
 */
export function StrategyForm({
  value,
  onChange,
  issues,
  base,
}: {
  value: unknown;
  onChange: (v: Strategy, group?: string) => void;
  issues: readonly LocatedIssue[];
  base: string;
}) {
  const s = (value && typeof value === 'object' ? value : {}) as Strategy;
  const [limits, setLimits] = useState(() => (s.actions?.limitFactors ?? []).join(', '));
  const [rates, setRates] = useState(() => (s.actions?.rates ?? []).map((r) => pct(r)).join(', '));
  const at = (path: string) => issuesAt(issues, `${base}.${path}`);

  const setActions = (patch: Partial<NonNullable<Strategy['actions']>>, group: string) => onChange({ ...s, actions: { ...s.actions, ...patch } }, group);
  /** One number of a group; empty removes it, and an empty group goes too. */
  const setNumber = (group: Group, key: string, text: string, asShare = false) => {
    const current = { ...((s[group] as Record<string, number> | undefined) ?? {}) };
    if (text.trim() === '') delete current[key];
    else {
      const n = Number(text);
      if (!Number.isFinite(n)) return;
      current[key] = asShare ? n / 100 : n;
    }
    const next: Strategy = { ...s };
    if (Object.keys(current).length) (next as Record<string, unknown>)[group] = current;
    else delete next[group];
    onChange(next, `${group}.${key}`);
  };
  const num = (group: Group, key: string) => (s[group] as Record<string, number> | undefined)?.[key];

  return (
    <fieldset className="strategy-form">
      <legend>{t('Strategy')}</legend>
      <div className="field">
        <label>
          {t('Limits offered, as multiples of the amount asked (1 = what was asked)')}
          <input
            value={limits}
            placeholder="0.5, 0.75, 1"
            aria-invalid={numbers(limits) === null || at('actions.limitFactors').length > 0}
            onChange={(e) => {
              setLimits(e.target.value);
              const list = numbers(e.target.value);
              if (list) setActions({ limitFactors: list }, 'limits');
            }}
          />
        </label>
        <Problems issues={at('actions.limitFactors')} />
      </div>
      <div className="field">
        <label>
          {t('Yearly rates offered, in %')}
          <input
            value={rates}
            placeholder="9, 12, 15"
            aria-invalid={numbers(rates) === null || at('actions.rates').length > 0}
            onChange={(e) => {
              setRates(e.target.value);
              const list = numbers(e.target.value);
              if (list) setActions({ rates: list.map((r) => r / 100) }, 'rates');
            }}
          />
        </label>
        <Problems issues={at('actions.rates')} />
      </div>
      <h4>{t('Economics')}</h4>
      <TextField
        type="number"
        label={t('Cost of funds, % a year')}
        value={pct(num('economics', 'fundingRate'))}
        onChange={(v) => setNumber('economics', 'fundingRate', v, true)}
        issues={at('economics.fundingRate')}
      />
      <TextField
        type="number"
        label={t('Origination fee, % of the limit')}
        value={pct(num('economics', 'originationFee'))}
        onChange={(v) => setNumber('economics', 'originationFee', v, true)}
        issues={at('economics.originationFee')}
      />
      <TextField
        type="number"
        label={t('Cost of booking and servicing one loan')}
        value={String(num('economics', 'operatingCostPerLoan') ?? '')}
        onChange={(v) => setNumber('economics', 'operatingCostPerLoan', v)}
        issues={at('economics.operatingCostPerLoan')}
      />
      <TextField
        type="number"
        label={t('Loss given default, %')}
        value={pct(num('economics', 'lgd'))}
        onChange={(v) => setNumber('economics', 'lgd', v, true)}
        issues={at('economics.lgd')}
      />
      <TextField
        type="number"
        label={t('Exposure at default, % of the limit')}
        value={pct(num('economics', 'eadFactor'))}
        onChange={(v) => setNumber('economics', 'eadFactor', v, true)}
        issues={at('economics.eadFactor')}
      />
      <h4>{t('Take-up (leave empty: every approved applicant takes the offer)')}</h4>
      <TextField
        type="number"
        label={t('Rate at which half take the loan, %')}
        value={pct(num('takeUp', 'midpointRate'))}
        onChange={(v) => setNumber('takeUp', 'midpointRate', v, true)}
        issues={at('takeUp.midpointRate')}
      />
      <TextField
        type="number"
        label={t('How fast take-up falls as the rate rises')}
        value={String(num('takeUp', 'slope') ?? '')}
        onChange={(v) => setNumber('takeUp', 'slope', v)}
        issues={at('takeUp.slope')}
      />
      <h4>{t('Affordability')}</h4>
      <TextField
        type="number"
        label={t('Highest debt-to-income with the new instalment, %')}
        value={pct(num('affordability', 'maxDti'))}
        onChange={(v) => setNumber('affordability', 'maxDti', v, true)}
        issues={at('affordability.maxDti')}
      />
      <TextField
        type="number"
        label={t('Lowest monthly income left after all debt payments')}
        value={String(num('affordability', 'minResidualIncome') ?? '')}
        onChange={(v) => setNumber('affordability', 'minResidualIncome', v)}
        issues={at('affordability.minResidualIncome')}
      />
      <Problems issues={issues.filter((i) => normalizePath(i.path) === normalizePath(base))} />
    </fieldset>
  );
}
