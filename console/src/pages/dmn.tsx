import { t } from '../i18n/i18n.ts';
import { useState } from 'react';
import { get, post } from '../api.ts';
import { go, href } from '../router.ts';
import type { PageProps } from '../types.ts';
import { ActionButton, Badge, Empty, ErrorBox, Json, Loaded, SideList, saveText, useLoad, when } from '../ui.tsx';
import { Person } from '../people.tsx';
import { ApprovalCell } from '../release/release-forms.tsx';

export interface DmnModelVersion {
  modelId: string;
  version: number;
  contentHash: string;
  reference: string;
  createdAt: string;
  createdBy: string;
  approvedBy: string | null;
  summary: {
    name?: string;
    namespace?: string;
    dmnVersion?: string | null;
    decisions?: { name: string; logic: string | null; typeRef: string | null }[];
    inputData?: { name: string; typeRef: string | null }[];
    knowledgeModels?: string[];
    decisionServices?: string[];
  };
}

/** DMN models stored on the server: upload (DMN 1.1 to 1.5), versions, what each declares, download, and a decision tried with JSON. */
export function DmnPage({ me, route }: PageProps) {
  const [, modelId, versionText] = route;
  const models = useLoad(() => get<{ models: DmnModelVersion[] }>('/v1/dmn').then((r) => r.models), [route.join('/')]);
  const canEdit = me.role === 'risk-manager' || me.role === 'analyst';
  return (
    <section aria-labelledby="dmn-title">
      <h1 id="dmn-title">{t('DMN models')}</h1>
      {canEdit ? <Upload onUploaded={(v) => go('dmn', v.modelId, v.version)} /> : null}
      <Loaded state={models} what={t('DMN models')}>
        {(list) =>
          list.length === 0 ? (
            <Empty>
              {t('No DMN models yet.')}
              {canEdit ? t(" Upload one above, or download a flow's decision table as DMN from the flow editor.") : ''}
            </Empty>
          ) : (
            <div className="split">
              <nav aria-label={t('DMN models')} className="side">
                <SideList
                  items={list.map((m) => ({
                    key: m.modelId,
                    href: href('dmn', m.modelId),
                    title: m.summary.name ?? m.modelId,
                    detail: `${m.modelId} · v${m.version} · DMN ${m.summary.dmnVersion ?? '?'}`,
                    current: m.modelId === modelId,
                  }))}
                />
              </nav>
              <div className="content">
                {modelId ? (
                  <ModelDetail key={modelId} modelId={modelId} version={versionText ? Number(versionText) : null} canEdit={canEdit} />
                ) : (
                  <Empty>{t('Choose a model.')}</Empty>
                )}
              </div>
            </div>
          )
        }
      </Loaded>
    </section>
  );
}

function Upload({ onUploaded }: { onUploaded: (v: DmnModelVersion) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [id, setId] = useState('');
  return (
    <section className="panel row" aria-label={t('Upload a DMN model')}>
      <label>
        {t('DMN file')}
        <input
          type="file"
          accept=".dmn,.xml,application/xml,text/xml"
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            setFile(f);
            if (f && !id) setId(f.name.replace(/\.(dmn|xml)$/i, '').replace(/[^A-Za-z0-9._-]/g, '-'));
          }}
        />
      </label>
      <label>
        {t('Id')}
        <input value={id} onChange={(e) => setId(e.target.value)} placeholder="credit-policy" translate="no" />
      </label>
      <ActionButton disabled={!file || !id} onClick={async () => onUploaded(await post<DmnModelVersion>('/v1/dmn', { id, xml: await file!.text() }))}>
        {t('Upload')}
      </ActionButton>
    </section>
  );
}

function ModelDetail({ modelId, version, canEdit }: { modelId: string; version: number | null; canEdit: boolean }) {
  const versions = useLoad(() => get<{ versions: DmnModelVersion[] }>(`/v1/dmn/${encodeURIComponent(modelId)}/versions`).then((r) => r.versions), [modelId]);
  return (
    <Loaded state={versions} what={t('versions')}>
      {(list) => {
        const v = list.find((x) => x.version === version) ?? list[list.length - 1]!;
        return (
          <>
            <h2>
              {v.summary.name ?? modelId} <span className="muted">v{v.version}</span> <Badge value={`DMN ${v.summary.dmnVersion ?? '?'}`} />
            </h2>
            <p className="small muted">
              {t('Flows name it')} <code>{v.reference}</code> {t('in a table node:')} <code>{`"dmn": {"model": "${v.reference}", "decision": "…"}`}</code>
              {t('. Namespace')} {v.summary.namespace}.
            </p>
            <table aria-label={t('Versions')}>
              <thead>
                <tr>
                  <th>{t('Version')}</th>
                  <th>{t('Uploaded')}</th>
                  <th>{t('By')}</th>
                  <th>{t('For use')}</th>
                  <th>SHA-256</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.map((x) => (
                  <tr key={x.version} className={x.version === v.version ? 'current' : undefined}>
                    <td>
                      <a href={href('dmn', modelId, x.version)}>v{x.version}</a>
                    </td>
                    <td>{when(x.createdAt)}</td>
                    <td>
                      <Person id={x.createdBy} />
                    </td>
                    <td>
                      <ApprovalCell kind="dmn_model" id={modelId} version={x.version} approvedBy={x.approvedBy} canSubmit={canEdit} />
                    </td>
                    <td className="small">
                      <code>{x.contentHash.slice(0, 12)}</code>
                    </td>
                    <td>
                      <ActionButton
                        kind="secondary"
                        onClick={async () =>
                          saveText(await get<string>(`/v1/dmn/${encodeURIComponent(modelId)}/versions/${x.version}/file`), `${modelId}-v${x.version}.dmn`)
                        }
                      >
                        {t('Download')}
                      </ActionButton>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="columns">
              <div>
                <h3>{t('Decisions')}</h3>
                <ul>
                  {(v.summary.decisions ?? []).map((d) => (
                    <li key={d.name}>
                      {d.name} <span className="muted small">{d.logic ?? t('no logic')}</span>
                    </li>
                  ))}
                </ul>
              </div>
              <div>
                <h3>{t('Input data')}</h3>
                <ul>
                  {(v.summary.inputData ?? []).map((i) => (
                    <li key={i.name}>
                      {i.name} <span className="muted small">{i.typeRef ?? t('Any')}</span>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
            {canEdit ? <TryDecision model={v} /> : null}
          </>
        );
      }}
    </Loaded>
  );
}

function TryDecision({ model }: { model: DmnModelVersion }) {
  const decisions = model.summary.decisions ?? [];
  const [decision, setDecision] = useState(decisions[0]?.name ?? '');
  const [input, setInput] = useState(() => JSON.stringify(Object.fromEntries((model.summary.inputData ?? []).map((i) => [i.name, null])), null, 2));
  const [result, setResult] = useState<unknown>(null);
  const [error, setError] = useState<Error | null>(null);
  return (
    <section className="panel" aria-label={t('Try a decision')}>
      <h3>{t('Try a decision')}</h3>
      <div className="row">
        <label htmlFor="dmn-decision">{t('Decision')}</label>
        <select id="dmn-decision" value={decision} onChange={(e) => setDecision(e.target.value)}>
          {decisions.map((d) => (
            <option key={d.name}>{d.name}</option>
          ))}
        </select>
      </div>
      <label className="field">
        {t('Input data (JSON; dates and durations as ISO 8601 strings)')}
        <textarea className="json-edit" rows={8} value={input} onChange={(e) => setInput(e.target.value)} />
      </label>
      <ActionButton
        onClick={async () => {
          setError(null);
          let parsed: unknown;
          try {
            parsed = JSON.parse(input);
          } catch (err) {
            setError(new Error(t('The input is not JSON: {{error}}', { error: (err as Error).message })));
            return;
          }
          setResult(await post(`/v1/dmn/${encodeURIComponent(model.modelId)}/versions/${model.version}/evaluate`, { decision, input: parsed }));
        }}
      >
        {t('Evaluate')}
      </ActionButton>
      <ErrorBox error={error} />
      {result ? <Json value={result} /> : null}
    </section>
  );
}
