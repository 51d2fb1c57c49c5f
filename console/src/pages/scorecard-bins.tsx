import { useState } from 'react';
import { post } from '../api.ts';
import { t } from '../i18n/i18n.ts';
import type { Posted } from '../types.ts';
import { ActionButton, num, pct } from '../ui.tsx';

type BinsAnswer = Posted<'/v1/models/bins'>;
type FeatureBins = BinsAnswer['features'][string];

/** A numeric feature's cuts as the analyst types them: "12, 24, 36". */
const cutsText = (cuts: number[] | undefined) => (cuts ?? []).join(', ');

function parseCuts(text: string): number[] | string {
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const cuts = parts.map(Number);
  if (cuts.some((c) => !Number.isFinite(c))) return t('Write the cuts as numbers separated by commas, such as 12, 24, 36.');
  if (cuts.some((c, i) => i > 0 && c <= cuts[i - 1]!)) return t('The cuts must rise from left to right.');
  return cuts;
}

// ActionButton shows a failed request's error beside the button that made it.
/**
 * A scorecard's bins on labelled data the analyst uploads: found by the server (optimal under size
 * and trend), adjusted by editing a numeric feature's cuts, shown again for the edited bins, and
 * refitted into the next version of this model, which is then approved for use like any other.
 */
export function ScorecardBins({ modelId, onRefit }: { modelId: string; onRefit: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState({ column: 'Class', bad: 'Bad' });
  const [report, setReport] = useState<BinsAnswer | null>(null);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [refitted, setRefitted] = useState<number | null>(null);

  /** The cuts the analyst changed, as the API takes them; an error names the feature whose cuts do not read. */
  const editedBins = (): Record<string, { cuts: number[] }> => {
    const bins: Record<string, { cuts: number[] }> = {};
    for (const [feature, text] of Object.entries(edits)) {
      const cuts = parseCuts(text);
      if (typeof cuts === 'string') throw new Error(`${feature}: ${cuts}`);
      bins[feature] = { cuts };
    }
    return bins;
  };
  const body = async () => ({ data: await file!.text(), target: outcome.column, bad: outcome.bad, bins: editedBins() });

  return (
    <section aria-labelledby="bins-title" className="panel">
      <h3 id="bins-title">{t('Scorecard bins')}</h3>
      <p className="muted small">
        {t(
          'Upload labelled applications to see the bins a scorecard would use, change the cuts of any numeric feature, and refit the scorecard on them as the next version of this model.',
        )}
      </p>
      <label htmlFor="bins-data">{t('Labelled applications (CSV with a header)')}</label>
      <input id="bins-data" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <div className="row">
        <label>
          {t('Outcome column')} <input value={outcome.column} onChange={(e) => setOutcome({ ...outcome, column: e.target.value })} />
        </label>
        <label>
          {t('Bad value')} <input value={outcome.bad} onChange={(e) => setOutcome({ ...outcome, bad: e.target.value })} size={6} />
        </label>
      </div>
      <div className="row">
        <ActionButton
          disabled={!file}
          onClick={async () => {
            setRefitted(null);
            setReport(await post<BinsAnswer>('/v1/models/bins', await body()));
          }}
        >
          {Object.keys(edits).length ? t('Show the bins with my cuts') : t('Find the bins')}
        </ActionButton>
        {report ? (
          <ActionButton
            kind="secondary"
            onClick={async () => {
              const version = await post<{ version: number }>(`/v1/models/${encodeURIComponent(modelId)}/versions/scorecard`, await body());
              setRefitted(version.version);
              onRefit();
            }}
          >
            {t('Refit the scorecard on these bins as the next version')}
          </ActionButton>
        ) : null}
      </div>
      {refitted !== null ? <p role="status">{t('Stored as v{{version}}; submit it for approval to use it.', { version: refitted })}</p> : null}
      {report ? (
        <>
          <p className="muted">{t('{{rows}} applications, {{bads}} bad.', { rows: num(report.rows), bads: num(report.bads) })}</p>
          {Object.entries(report.features)
            .sort(([, a], [, b]) => b.iv - a.iv)
            .map(([feature, bins]) => (
              <FeatureBinsTable
                key={feature}
                feature={feature}
                bins={bins}
                cuts={edits[feature] ?? cutsText(bins.cuts)}
                onCuts={(text) => setEdits({ ...edits, [feature]: text })}
              />
            ))}
        </>
      ) : null}
    </section>
  );
}

function FeatureBinsTable({ feature, bins, cuts, onCuts }: { feature: string; bins: FeatureBins; cuts: string; onCuts: (text: string) => void }) {
  const problem = bins.kind === 'numeric' ? parseCuts(cuts) : null;
  return (
    <div className="bins">
      <h4>
        {feature} <span className="muted small">{t('{{kind}}, trend {{trend}}, IV {{iv}}', { kind: bins.kind, trend: bins.trend, iv: num(bins.iv, 4) })}</span>
      </h4>
      {bins.kind === 'numeric' ? (
        <label>
          {t('Cuts of {{feature}}', { feature })}{' '}
          <input value={cuts} onChange={(e) => onCuts(e.target.value)} aria-invalid={typeof problem === 'string'} size={40} />
          {typeof problem === 'string' ? <span className="problem-text"> {problem}</span> : null}
        </label>
      ) : null}
      <table aria-label={t('Bins of {{feature}}', { feature })}>
        <thead>
          <tr>
            <th>{t('Bin')}</th>
            <th>{t('Applications')}</th>
            <th>{t('Bad rate')}</th>
            <th>WoE</th>
            <th>IV</th>
          </tr>
        </thead>
        <tbody>
          {bins.bins.map((b) => (
            <tr key={b.label}>
              <td>
                <code>{b.label}</code>
              </td>
              <td>{num(b.count)}</td>
              <td>{pct(b.badRate)}</td>
              <td>{num(b.woe, 3)}</td>
              <td>{num(b.iv, 4)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
