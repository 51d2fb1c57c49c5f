import { t } from '../i18n/i18n.ts';
import { get } from '../api.ts';
import type { Answer, Release } from '../types.ts';
import { Loaded, num, useLoad } from '../ui.tsx';
import { LineDiff } from './line-diff.tsx';

type ModelVersions = Answer<'/v1/models/{id}/versions'>['versions'];
type DmnVersions = Answer<'/v1/dmn/{id}/versions'>['versions'];
type ConnectorVersions = Answer<'/v1/connectors/{id}/versions'>['versions'];

interface Metrics {
  auc?: number;
  ks?: number;
  gini?: number;
  brier?: number;
}

/** The version approved for use most recently before this one: what the approver compares with. */
function previousApproved<V extends { version: number; approvedBy: string | null }>(list: V[], version: number): V | null {
  return [...list].reverse().find((v) => v.version < version && v.approvedBy) ?? null;
}

/** What a DMN version's summary lists, by name. */
const summaryOf = (v: { summary: unknown } | undefined) => (v?.summary ?? {}) as { decisions?: { name: string }[]; inputData?: { name: string }[] };

const names = (xs: { name: string }[] | undefined) => new Set((xs ?? []).map((x) => x.name));
const added = (a: Set<string>, b: Set<string>) => [...b].filter((x) => !a.has(x));

function SetChanges({ title, before, after }: { title: string; before: Set<string>; after: Set<string> }) {
  const plus = added(before, after);
  const minus = added(after, before);
  return (
    <p>
      {title}: {plus.length || minus.length ? null : t('the same.')}
      {plus.map((x) => (
        <span key={`+${x}`}>
          {' '}
          <span className="badge badge-approve">{t('added')}</span> <code>{x}</code>
        </span>
      ))}
      {minus.map((x) => (
        <span key={`-${x}`}>
          {' '}
          <span className="badge badge-decline">{t('removed')}</span> <code>{x}</code>
        </span>
      ))}
    </p>
  );
}

/** The two DMN files as uploaded, line by line. */
function DmnFileDiff({ id, before, after }: { id: string; before: number; after: number }) {
  const file = (v: number) => get<string>(`/v1/dmn/${encodeURIComponent(id)}/versions/${v}/file`);
  const files = useLoad(() => Promise.all([file(before), file(after)]), [id, before, after]);
  return (
    <Loaded state={files} what={t('the DMN files')}>
      {([a, b]) => <LineDiff before={a} after={b} label={t('Line-by-line changes from v{{before}} to v{{after}}', { before, after })} />}
    </Loaded>
  );
}

/** What an artefact's version changes against the version approved before it: what an approver reads. */
export function ArtefactChanges({ release: r }: { release: Release }) {
  const path = r.subjectType === 'model' ? 'models' : r.subjectType === 'dmn_model' ? 'dmn' : 'connectors';
  const versions = useLoad(
    () => get<{ versions: unknown[] }>(`/v1/${path}/${encodeURIComponent(r.subjectId)}/versions`).then((x) => x.versions),
    [path, r.subjectId],
  );
  return (
    <Loaded state={versions} what={t('the versions')}>
      {(list) => {
        if (r.subjectType === 'model') {
          const all = list as ModelVersions;
          const now = all.find((v) => v.version === r.version);
          const before = previousApproved(all, r.version);
          const metrics = (v: (typeof all)[number] | null | undefined) =>
            ((v?.summary as { training?: { metrics?: { test?: Metrics } } } | undefined)?.training?.metrics?.test ?? {}) as Metrics;
          const features = (v: (typeof all)[number] | null | undefined) => names((v?.summary as { features?: { name: string }[] } | undefined)?.features);
          return (
            <>
              <table aria-label={t('Model metrics')}>
                <thead>
                  <tr>
                    <th />
                    <th>v{r.version}</th>
                    <th>{before ? t('v{{version}} (approved before)', { version: before.version }) : t('no version approved before')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(['auc', 'ks', 'gini', 'brier'] as const).map((m) => (
                    <tr key={m}>
                      <th>
                        {m.toUpperCase()} {t('on the holdout')}
                      </th>
                      <td>{num(metrics(now)[m], 4)}</td>
                      <td>{num(metrics(before)[m], 4)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {before ? <SetChanges title={t('Features')} before={features(before)} after={features(now)} /> : null}
            </>
          );
        }
        if (r.subjectType === 'dmn_model') {
          const all = list as DmnVersions;
          const now = all.find((v) => v.version === r.version);
          const before = previousApproved(all, r.version);
          if (!before)
            return (
              <p className="muted">
                {t('No version of')} {r.subjectId} {t('was approved before: this is its first.')}
              </p>
            );
          return (
            <>
              <SetChanges title={t('Decisions')} before={names(summaryOf(before).decisions)} after={names(summaryOf(now).decisions)} />
              <SetChanges title={t('Input data')} before={names(summaryOf(before).inputData)} after={names(summaryOf(now).inputData)} />
              <DmnFileDiff id={r.subjectId} before={before.version} after={r.version} />
            </>
          );
        }
        const all = list as ConnectorVersions;
        const now = all.find((v) => v.version === r.version);
        const before = previousApproved(all, r.version);
        if (!before)
          return (
            <p className="muted">
              {t('No version of')} {r.subjectId} {t('was approved before: this is its first.')}
            </p>
          );
        const a = before.definition as Record<string, unknown>;
        const b = (now?.definition ?? {}) as Record<string, unknown>;
        const changed = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
        return (
          <p>
            {t('Changed against v')}
            {before.version}: {changed.length ? changed.map((k) => <code key={k}>{k} </code>) : 'nothing'}
          </p>
        );
      }}
    </Loaded>
  );
}
