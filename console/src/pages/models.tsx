import { t } from '../i18n/i18n.ts';
import { useState } from 'react';
import { get } from '../api.ts';
import type { PageProps } from '../types.ts';
import { Chart, type ChartOption } from '../chart.tsx';
import { href } from '../router.ts';
import { ScorecardBins } from './scorecard-bins.tsx';
import type { FlowSummary, FlowVersion } from '../types.ts';
import { Badge, Empty, Json, Loaded, num, saveText, SideList, useLoad, when } from '../ui.tsx';
import { Person } from '../people.tsx';
import { ApprovalCell } from '../release/release-forms.tsx';
import { ModelRollBack } from '../release/model-rollback.tsx';
import { RetrainingProgram } from './retraining-program.tsx';

interface Evaluation {
  auc: number;
  gini: number;
  ks: number;
  brier: number;
  logLoss: number;
}
interface Curves {
  roc: { fpr: number[]; tpr: number[] };
  ks: { share: number[]; bad: number[]; good: number[] };
  distribution: { edges: number[]; good: number[]; bad: number[] };
  calibration: { band: number; count: number; meanPredicted: number; observedRate: number }[];
}
interface ModelVersion {
  modelId: string;
  version: number;
  kind: string;
  createdAt: string;
  createdBy: string;
  approvedBy: string | null;
  reference: string;
  contentHash: string;
  summary: {
    features?: { name: string; kind: string }[];
    training?: {
      algorithm: string;
      data: { file: string; sha256: string; rows: number };
      params: Record<string, unknown>;
      split: Record<string, number>;
      metrics: { train: Evaluation; test: Evaluation };
      curves?: Curves;
      importance?: Record<string, number>;
    } | null;
    imported?: { format: string; file: string } | null;
    lineage?: Record<string, unknown>;
    card?: unknown;
  };
}

const SIDES = ['#3867d6', '#e17055'];

export function ModelsPage({ me, route }: PageProps) {
  const models = useLoad(
    () => get<{ models: { id: string; latestVersion: number; kind: string; updatedAt: string }[] }>('/v1/models').then((r) => r.models),
    [],
  );
  const [, modelId, versionText] = route;
  return (
    <section aria-labelledby="models-title">
      <h1 id="models-title">{t('Models')}</h1>
      <div className="split">
        <nav aria-label={t('Models')} className="side">
          <Loaded state={models} what={t('models')}>
            {(list) =>
              list.length === 0 ? (
                <Empty>{t('No models yet: train one with `arbiter train` and upload it (POST /v1/models/:id/versions).')}</Empty>
              ) : (
                <SideList
                  items={list.map((m) => ({
                    key: m.id,
                    href: href('models', m.id),
                    title: m.id,
                    detail: `${m.kind} · v${m.latestVersion} · ${when(m.updatedAt)}`,
                    current: m.id === modelId,
                  }))}
                />
              )
            }
          </Loaded>
        </nav>
        <div className="content">
          {modelId ? (
            <ModelDetail
              key={modelId}
              me={me}
              modelId={modelId}
              version={versionText ? Number(versionText) : null}
              canSubmit={me.role === 'risk-manager' || me.role === 'analyst'}
              canRollBack={me.role === 'risk-manager'}
            />
          ) : (
            <Empty>{t('Choose a model.')}</Empty>
          )}
        </div>
      </div>
    </section>
  );
}

/** Score nodes of published flows that name this model: the champion version, and where to find its monitoring. */
async function usesOf(modelId: string): Promise<{ flow: string; node: string; version: number }[]> {
  const { flows } = await get<{ flows: FlowSummary[] }>('/v1/flows');
  const live = await Promise.all(
    flows.filter((f) => f.liveVersion).map((f) => get<FlowVersion>(`/v1/flows/${encodeURIComponent(f.id)}/versions/${f.liveVersion}`)),
  );
  return live.flatMap((v) =>
    v.definition.nodes
      .filter((n) => n.kind === 'score' && typeof n.model === 'string' && n.model.startsWith(`${modelId}@`))
      .map((n) => ({ flow: v.flowId, node: n.id, version: Number(String(n.model).split('@')[1]) })),
  );
}

function ModelDetail({
  me,
  modelId,
  version,
  canSubmit,
  canRollBack,
}: {
  me: PageProps['me'];
  modelId: string;
  version: number | null;
  canSubmit: boolean;
  canRollBack: boolean;
}) {
  const data = useLoad(async () => {
    const [{ versions }, uses] = await Promise.all([
      get<{ versions: ModelVersion[] }>(`/v1/models/${encodeURIComponent(modelId)}/versions`),
      usesOf(modelId).catch(() => []),
    ]);
    return { versions, uses };
  }, [modelId]);
  const [compareWith, setCompareWith] = useState<number | null>(null);
  return (
    <Loaded state={data} what={t('model versions')}>
      {({ versions, uses }) => {
        const champion = uses[0]?.version ?? null;
        const current = versions.find((v) => v.version === version) ?? versions.find((v) => v.version === champion) ?? versions[versions.length - 1];
        if (!current) return <Empty>{t('No versions.')}</Empty>;
        // By default the champion is set beside the newest other version (its challenger), and any other version beside the champion.
        const latestOther = [...versions].reverse().find((v) => v.version !== current.version)?.version ?? null;
        const defaultOther = current.version === champion || champion === null ? latestOther : champion;
        const other = versions.find((v) => v.version === (compareWith ?? defaultOther) && v.version !== current.version) ?? null;
        const side = [current, ...(other ? [other] : [])];
        const name = (v: ModelVersion) => (v.version === champion ? t('v{{version}} (champion)', { version: v.version }) : `v${v.version}`);
        return (
          <>
            <h2>
              {modelId} <span className="muted">{name(current)}</span> <Badge value={current.kind} />
            </h2>
            <table aria-label={t('Model versions')}>
              <thead>
                <tr>
                  <th>{t('Version')}</th>
                  <th>{t('Kind')}</th>
                  <th>{t('Holdout AUC')}</th>
                  <th>KS</th>
                  <th>Gini</th>
                  <th>Brier</th>
                  <th>{t('Created')}</th>
                  <th>{t('By')}</th>
                  <th>{t('For use')}</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => (
                  <tr key={v.version} className={v.version === current.version ? 'current' : undefined}>
                    <td>
                      <a href={href('models', modelId, v.version)}>{name(v)}</a>
                    </td>
                    <td>{v.kind}</td>
                    <td>{num(v.summary.training?.metrics.test.auc, 3)}</td>
                    <td>{num(v.summary.training?.metrics.test.ks, 3)}</td>
                    <td>{num(v.summary.training?.metrics.test.gini, 3)}</td>
                    <td>{num(v.summary.training?.metrics.test.brier, 4)}</td>
                    <td>{when(v.createdAt)}</td>
                    <td>
                      <Person id={v.createdBy} />
                    </td>
                    <td>
                      <ApprovalCell kind="model" id={modelId} version={v.version} approvedBy={v.approvedBy} canSubmit={canSubmit} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>
              <button type="button" className="btn btn-secondary" onClick={() => void downloadCard(modelId, current.version)}>
                {t('Model card of v')}
                {current.version}
              </button>{' '}
              <span className="muted">
                {current.summary.card
                  ? t('made by its retraining run on the out-of-time applications: months, segments, stability and fairness')
                  : t("training, features and bins, the holdout's figures; months, segments and fairness come from data with arbiter card")}
              </span>
            </p>
            {canRollBack && uses.length ? (
              <ModelRollBack modelId={modelId} versions={versions.filter((v) => v.approvedBy).map((v) => v.version)} inUse={uses.map((u) => u.version)} />
            ) : null}
            {versions.length > 1 ? (
              <p>
                <label>
                  {t('Compare with')}{' '}
                  <select value={other?.version ?? ''} onChange={(e) => setCompareWith(e.target.value ? Number(e.target.value) : null)}>
                    <option value="">—</option>
                    {versions
                      .filter((v) => v.version !== current.version)
                      .map((v) => (
                        <option key={v.version} value={v.version}>
                          {name(v)}
                        </option>
                      ))}
                  </select>
                </label>
              </p>
            ) : null}
            {uses.length ? (
              <p className="muted">
                {t('Used by')} {uses.map((u) => t('{{flow}} (node {{node}}, v{{version}})', { flow: u.flow, node: u.node, version: u.version })).join(', ')}.
              </p>
            ) : (
              <p className="muted">{t('No published flow uses this model.')}</p>
            )}
            <ModelCharts side={side} name={name} />
            <PsiOverTime uses={uses} />
            <h3>{t('Lineage')}</h3>
            <div className="columns">
              {side.map((v) => (
                <div key={v.version}>
                  <h4>{name(v)}</h4>
                  <dl>
                    <dt>{t('Content hash')}</dt>
                    <dd>
                      <code>{v.contentHash.slice(0, 16)}…</code>
                    </dd>
                    {v.summary.training ? (
                      <>
                        <dt>{t('Trained on')}</dt>
                        <dd>
                          {v.summary.training.data.file}, {num(v.summary.training.data.rows)} {t('rows (sha256')} {v.summary.training.data.sha256.slice(0, 12)}
                          …)
                        </dd>
                        <dt>{t('Split')}</dt>
                        <dd>
                          {num(v.summary.training.split.trainRows)} {t('training,')} {num(v.summary.training.split.testRows)} {t('holdout')}
                        </dd>
                      </>
                    ) : null}
                    {v.summary.imported ? (
                      <>
                        <dt>{t('Imported')}</dt>
                        <dd>
                          {v.summary.imported.format} {t('from')} {v.summary.imported.file}
                        </dd>
                      </>
                    ) : null}
                    {v.summary.lineage ? (
                      <>
                        <dt>{t('Parent')}</dt>
                        <dd>
                          {String(v.summary.lineage.parent ?? '—')} ({String(v.summary.lineage.method ?? '')}
                          {t(', run')} {String(v.summary.lineage.run ?? '')})
                        </dd>
                      </>
                    ) : null}
                  </dl>
                  <details>
                    <summary>{t('Parameters')}</summary>
                    <Json value={v.summary.training?.params ?? null} />
                  </details>
                </div>
              ))}
            </div>
            <RetrainingProgram modelId={modelId} me={me} />
            {canSubmit ? <ScorecardBins modelId={modelId} onRefit={data.reload} /> : null}
          </>
        );
      }}
    </Loaded>
  );
}

function ModelCharts({ side, name }: { side: ModelVersion[]; name: (v: ModelVersion) => string }) {
  const withCurves = side.filter((v) => v.summary.training?.curves);
  if (!withCurves.length) return <Empty>{t('This version carries no holdout curves (imported, or trained before they were kept).')}</Empty>;
  const title = (text: string) => ({ text, textStyle: { fontSize: 13 } });
  const roc: ChartOption = {
    title: title(t('ROC on the holdout')),
    legend: { bottom: 0 },
    xAxis: { type: 'value', min: 0, max: 1, name: t('false positive rate'), nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'value', min: 0, max: 1, name: t('true positive rate'), nameLocation: 'middle', nameGap: 34 },
    series: [
      ...withCurves.map((v, i) => ({
        name: `${name(v)} AUC ${num(v.summary.training!.metrics.test.auc, 3)}`,
        type: 'line',
        showSymbol: false,
        data: v.summary.training!.curves!.roc.fpr.map((x, k) => [x, v.summary.training!.curves!.roc.tpr[k]]),
        lineStyle: { color: SIDES[i] },
        itemStyle: { color: SIDES[i] },
      })),
      {
        name: t('chance'),
        type: 'line',
        showSymbol: false,
        data: [
          [0, 0],
          [1, 1],
        ],
        lineStyle: { type: 'dashed', color: '#aaa' },
        itemStyle: { color: '#aaa' },
      },
    ],
  };
  const ks: ChartOption = {
    title: title(t('KS: cumulative bads and goods, riskiest first')),
    legend: { bottom: 0 },
    xAxis: { type: 'value', min: 0, max: 1, name: t('share of applicants, riskiest first'), nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'value', min: 0, max: 1 },
    series: withCurves.flatMap((v, i) => {
      const c = v.summary.training!.curves!.ks;
      return [
        {
          name: t('{{version}} bads', { version: name(v) }),
          type: 'line',
          showSymbol: false,
          data: c.share.map((x, k) => [x, c.bad[k]]),
          lineStyle: { color: SIDES[i] },
          itemStyle: { color: SIDES[i] },
        },
        {
          name: t('{{version}} goods', { version: name(v) }),
          type: 'line',
          showSymbol: false,
          data: c.share.map((x, k) => [x, c.good[k]]),
          lineStyle: { color: SIDES[i], type: 'dotted' },
          itemStyle: { color: SIDES[i] },
        },
      ];
    }),
  };
  const first = withCurves[0]!.summary.training!.curves!;
  const distribution: ChartOption = {
    title: title(t('PD by outcome ({{version}})', { version: name(withCurves[0]!) })),
    legend: { bottom: 0 },
    xAxis: {
      type: 'category',
      data: first.distribution.edges.slice(0, -1).map((e, k) => `${(e * 100).toFixed(0)}–${(first.distribution.edges[k + 1]! * 100).toFixed(0)}%`),
    },
    yAxis: { type: 'value' },
    series: [
      { name: t('goods'), type: 'bar', data: first.distribution.good, itemStyle: { color: '#20bf6b' } },
      { name: t('bads'), type: 'bar', data: first.distribution.bad, itemStyle: { color: '#eb3b5a' } },
    ],
  };
  const calibration: ChartOption = {
    title: title(t('Calibration by PD decile')),
    legend: { bottom: 0 },
    xAxis: { type: 'value', name: t('predicted PD'), nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'value', name: t('observed bad rate'), nameLocation: 'middle', nameGap: 34 },
    series: [
      ...withCurves.map((v, i) => ({
        name: name(v),
        type: 'line',
        data: v.summary.training!.curves!.calibration.map((b) => [b.meanPredicted, b.observedRate]),
        lineStyle: { color: SIDES[i] },
        itemStyle: { color: SIDES[i] },
      })),
      {
        name: t('perfect'),
        type: 'line',
        showSymbol: false,
        data: [
          [0, 0],
          [
            Math.max(...first.calibration.map((b) => Math.max(b.meanPredicted, b.observedRate))),
            Math.max(...first.calibration.map((b) => Math.max(b.meanPredicted, b.observedRate))),
          ],
        ],
        lineStyle: { type: 'dashed', color: '#aaa' },
        itemStyle: { color: '#aaa' },
      },
    ],
  };
  const importance = withCurves[0]!.summary.training!.importance ?? {};
  const features = Object.keys(importance).slice(0, 15).reverse();
  const importanceChart: ChartOption = {
    title: title(t('Feature importance')),
    // Which bar is which version: the legend names them, as the other charts do.
    legend: { bottom: 0 },
    grid: { left: 130, right: 20, top: 40, bottom: 50 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: features },
    series: withCurves.map((v, i) => ({
      name: name(v),
      type: 'bar',
      data: features.map((f) => v.summary.training!.importance?.[f] ?? 0),
      itemStyle: { color: SIDES[i] },
    })),
  };
  return (
    <div className="charts">
      <Chart label={t('ROC curve')} option={roc} />
      <Chart label={t('KS curve')} option={ks} />
      <Chart label={t('Score distribution by outcome')} option={distribution} />
      <Chart label={t('Calibration')} option={calibration} />
      {features.length ? <Chart label={t('Feature importance')} option={importanceChart} height={Math.max(220, features.length * 22 + 60)} /> : null}
    </div>
  );
}

function PsiOverTime({ uses }: { uses: { flow: string; node: string }[] }) {
  const data = useLoad(
    () =>
      Promise.all(
        uses.map(async (u) => ({
          ...u,
          snapshots: (
            await get<{ snapshots: { asOf: string; snapshot: { month: string; scorePsi: Record<string, number> } }[] }>(
              `/v1/monitoring?flow=${encodeURIComponent(u.flow)}&limit=24`,
            )
          ).snapshots,
        })),
      ).catch(() => []),
    [uses.map((u) => `${u.flow}/${u.node}`).join()],
  );
  if (!data.data || data.data.every((d) => d.snapshots.length === 0))
    return <p className="muted">{t('No monitoring snapshots yet for the flows using this model.')}</p>;
  const months = [...new Set(data.data.flatMap((d) => d.snapshots.map((s) => s.snapshot.month)))].sort();
  return (
    <Chart
      label={t('PSI over time')}
      option={{
        title: { text: t('Score PSI by month (monitoring)'), textStyle: { fontSize: 13 } },
        legend: { bottom: 0 },
        // Room on the right for the threshold's label, which was cut off at the edge.
        grid: { left: 50, right: 90, top: 40, bottom: 50 },
        xAxis: { type: 'category', data: months },
        yAxis: { type: 'value' },
        series: data.data.map((d, i) => ({
          name: `${d.flow}/${d.node}`,
          type: 'line',
          data: months.map((m) => d.snapshots.find((s) => s.snapshot.month === m)?.snapshot.scorePsi[d.node] ?? null),
          lineStyle: { color: SIDES[i % 2] },
          markLine: {
            silent: true,
            data: [{ yAxis: 0.25, label: { formatter: t('shift 0.25'), position: 'insideEndTop' } }],
            lineStyle: { color: '#eb3b5a', type: 'dashed' },
          },
        })),
      }}
    />
  );
}

/** The stored version's model card as an HTML file (fetched with the key: a plain link would not carry it). */
async function downloadCard(modelId: string, version: number): Promise<void> {
  const html = await get<string>(`/v1/models/${encodeURIComponent(modelId)}/versions/${version}/card?format=html`);
  saveText(html, `model-card-${modelId}-v${version}.html`, 'text/html');
}
