import { t } from '../i18n/i18n.ts';
import { lazy, Suspense, useEffect, useState } from 'react';
import { get, post } from '../api.ts';
import type { PageProps } from '../types.ts';
import { FlowGraph } from '../flow-graph.tsx';
import { go, href } from '../router.ts';
import type { Decision, FlowSummary, FlowVersion, Governance, Issue, Release } from '../types.ts';
import { FlowChanges } from '../flow-changes.tsx';
import { ReleaseLink, RollBack, SubmitForApproval } from '../release/release-forms.tsx';
import { ActionButton, Badge, Empty, Json, Loaded, Loading, num, pct, SideList, useLoad, when } from '../ui.tsx';
import { Person } from '../people.tsx';

interface FlowPath {
  steps: string[];
  conditions: string[];
  end: string;
  outcome: string;
}

// The editor brings CodeMirror and the layout engine: loaded when a flow is edited, not with the console.
const FlowEditor = lazy(() => import('../editor/flow-editor.tsx').then((m) => ({ default: m.FlowEditor })));

export function FlowsPage({ me, route }: PageProps) {
  const [, flowId, versionText, mode] = route;
  // Reloaded on every route change, so a draft saved or published elsewhere shows in the list at once.
  const flows = useLoad(() => get<{ flows: FlowSummary[] }>('/v1/flows').then((r) => r.flows), [route.join('/')]);
  const canEdit = me.role === 'risk-manager' || me.role === 'analyst';
  const editing =
    flowId === 'new' && canEdit ? { flowId: null, version: null } : flowId && versionText && mode === 'edit' ? { flowId, version: Number(versionText) } : null;
  if (editing)
    return (
      <Suspense fallback={<Loading what={t('the editor')} />}>
        <FlowEditor me={me} {...editing} />
      </Suspense>
    );
  return (
    <section aria-labelledby="flows-title">
      <h1 id="flows-title">
        {t('Flows')}{' '}
        {canEdit ? (
          <a className="btn btn-primary" href={href('flows', 'new')}>
            {t('New flow')}
          </a>
        ) : null}
      </h1>
      <Loaded state={flows} what={t('flows')}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{canEdit ? t('No flows yet. Start one with "New flow", or send a definition to POST /v1/flows.') : t('No flows yet.')}</Empty>
          ) : (
            <div className="split">
              <nav aria-label={t('Flows')} className="side">
                <SideList
                  items={list.map((f) => ({
                    key: f.id,
                    href: href('flows', f.id),
                    title: f.name,
                    detail: `${f.id} · v${f.latestVersion} · ${f.liveVersion ? t('v{{version}} live', { version: f.liveVersion }) : t('not published')}`,
                    current: f.id === flowId,
                  }))}
                />
              </nav>
              <div className="content">
                {flowId ? (
                  <FlowDetail
                    key={flowId}
                    me={me}
                    flowId={flowId}
                    live={list.find((f) => f.id === flowId)?.liveVersion ?? null}
                    version={versionText ? Number(versionText) : null}
                    onChanged={flows.reload}
                  />
                ) : (
                  <Empty>{t('Choose a flow.')}</Empty>
                )}
              </div>
            </div>
          )
        }
      </Loaded>
    </section>
  );
}

function FlowDetail({
  me,
  flowId,
  live,
  version,
  onChanged,
}: {
  me: PageProps['me'];
  flowId: string;
  live: number | null;
  version: number | null;
  onChanged: () => void;
}) {
  const versions = useLoad(() => get<{ versions: FlowVersion[] }>(`/v1/flows/${encodeURIComponent(flowId)}/versions`).then((r) => r.versions), [flowId]);
  return (
    <Loaded state={versions} what={t('versions')}>
      {(list) => {
        const chosen = list.find((v) => v.version === version) ?? list.find((v) => v.version === live) ?? list[list.length - 1];
        if (!chosen) return <Empty>{t('This flow has no versions.')}</Empty>;
        // Keyed by version: another version starts with no old "Valid" message and a graph fitted afresh.
        return (
          <VersionDetail
            key={chosen.version}
            me={me}
            flowId={flowId}
            versions={list}
            live={live}
            current={chosen}
            reload={() => {
              versions.reload();
              onChanged();
            }}
          />
        );
      }}
    </Loaded>
  );
}

function VersionDetail({
  me,
  flowId,
  versions,
  live,
  current,
  reload,
}: {
  me: PageProps['me'];
  flowId: string;
  versions: FlowVersion[];
  /** The version that decides: the last published, or an earlier one after a rollback. */
  live: number | null;
  current: FlowVersion;
  reload: () => void;
}) {
  const governance = useLoad(() => get<Governance>('/v1/governance'), []);
  const [release, setRelease] = useState<Release | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [validation, setValidation] = useState<{ ok: boolean; issues: Issue[]; publishable: Issue[]; paths: number | null } | null>(null);
  const [diffFrom, setDiffFrom] = useState<number | null>(null);
  const canEdit = me.role === 'risk-manager' || me.role === 'analyst';
  const canPublish = me.role === 'risk-manager';
  const node = current.definition.nodes.find((n) => n.id === selected);
  // Those who may edit are likely to: lay the flow out while they read it, so the editor opens without a wait.
  useEffect(() => {
    if (!canEdit) return;
    import('../editor/opened-versions.ts').then((m) => m.rememberShownVersion(current));
    // The editor's code, ELK, the layout of this version, its check and the pickers' catalog, ready before the click.
    const warm = () =>
      void Promise.all([
        import('../editor/flow-editor.tsx'),
        import('../editor/layout.ts').then((m) => m.layoutFlow(current.definition)),
        import('../editor/warm-start.ts').then((m) => m.warmEditor(current.definition)),
      ]).catch(() => undefined);
    const handle = window.requestIdleCallback ? window.requestIdleCallback(warm) : window.setTimeout(warm, 200);
    return () => (window.cancelIdleCallback ? window.cancelIdleCallback(handle) : window.clearTimeout(handle));
  }, [canEdit, current]);
  const base = `/v1/flows/${encodeURIComponent(flowId)}/versions/${current.version}`;
  return (
    <>
      <h2>
        {current.definition.name} <span className="muted">v{current.version}</span> <Badge value={current.status} />
      </h2>
      <table aria-label={t('Versions')}>
        <thead>
          <tr>
            <th>{t('Version')}</th>
            <th>{t('Status')}</th>
            <th>{t('Created')}</th>
            <th>{t('By')}</th>
            <th>{t('Published')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version} className={v.version === current.version ? 'current' : undefined}>
              <td>
                <a href={href('flows', flowId, v.version)}>v{v.version}</a>
              </td>
              <td>
                <Badge value={v.status} />
                {v.version === live ? <span className="badge badge-live">{t('live')}</span> : null}
              </td>
              <td>{when(v.createdAt)}</td>
              <td>
                <Person id={v.createdBy} />
              </td>
              <td>{when(v.publishedAt)}</td>
              <td>
                {v.version !== current.version ? (
                  <button type="button" className="btn btn-secondary" onClick={() => setDiffFrom(v.version)}>
                    {t('Diff with v')}
                    {current.version}
                  </button>
                ) : null}
                {canPublish && v.status === 'published' && live !== null && v.version !== live ? (
                  <RollBack
                    flowId={flowId}
                    version={v.version}
                    onDone={(r) => {
                      setRelease(r);
                      reload();
                    }}
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="toolbar">
        {canEdit ? (
          <ActionButton kind="secondary" onClick={async () => setValidation(await post(`${base}/validate`))}>
            {t('Validate')}
          </ActionButton>
        ) : null}
        {current.status === 'draft' && governance.data?.singlePersonRelease && canPublish ? (
          <ActionButton
            onClick={async () => {
              await post(`${base}/publish`);
              reload();
            }}
          >
            {t('Publish v')}
            {current.version}
          </ActionButton>
        ) : null}
        {current.status === 'draft' && governance.data && !governance.data.singlePersonRelease && canEdit ? (
          <SubmitForApproval
            flowId={flowId}
            version={current.version}
            onSubmitted={(r) => {
              setRelease(r);
              reload();
            }}
          />
        ) : null}
        {canEdit ? (
          <a className="btn btn-primary" href={href('flows', flowId, current.version, 'edit')}>
            {current.status === 'draft'
              ? t('Edit v{{version}}', { version: current.version })
              : t('Edit (a new draft from v{{version}})', { version: current.version })}
          </a>
        ) : null}
        {canEdit ? (
          <ActionButton
            kind="secondary"
            onClick={async () => {
              const v = await post<FlowVersion>(`/v1/flows/${encodeURIComponent(flowId)}/versions`, { definition: current.definition });
              reload();
              go('flows', flowId, v.version);
            }}
          >
            {t('New draft from v')}
            {current.version}
          </ActionButton>
        ) : null}
      </div>
      {release ? <ReleaseLink release={release} /> : null}
      {validation ? (
        <div className={validation.ok ? 'notice' : 'error'} role="status">
          {validation.ok ? t('Valid: {{paths}} paths.', { paths: num(validation.paths) }) : t('{{length}} problems.', { length: validation.issues.length })}
          {validation.publishable.length
            ? t(' Before publishing: {{join}}', { join: validation.publishable.map((i) => `${i.path}: ${i.message}`).join('; ') })
            : ''}
          {!validation.ok ? (
            <ul>
              {validation.issues.map((i, k) => (
                <li key={k}>
                  <code>{i.path}</code> {i.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {diffFrom !== null ? <FlowDiff flowId={flowId} from={diffFrom} to={current.version} onClose={() => setDiffFrom(null)} /> : null}
      <FlowGraph definition={current.definition} selected={selected} onSelect={setSelected} />
      <section className="panel details" aria-label={t('Node details')}>
        {node ? (
          <>
            <h3>
              {node.label ?? node.id} <Badge value={node.kind} />
            </h3>
            <div className="columns">
              <div>
                <h4>{t('Leaves to')}</h4>
                <ul>
                  {current.definition.edges
                    .filter((e) => e.from === node.id)
                    .map((e, i) => (
                      <li key={i}>
                        <code>{e.to}</code> {e.on ? t('on {{on}}', { on: e.on }) : e.default ? 'otherwise' : e.when ? t('when {{when}}', { when: e.when }) : ''}
                      </li>
                    ))}
                </ul>
              </div>
              <Json value={node} />
            </div>
          </>
        ) : (
          <p className="muted">{t('Select a node in the graph to see its definition (scroll to zoom, drag to pan).')}</p>
        )}
      </section>
      <Paths flowId={flowId} version={current.version} />
    </>
  );
}

function FlowDiff({ flowId, from, to, onClose }: { flowId: string; from: number; to: number; onClose: () => void }) {
  return (
    <section className="panel" aria-label={t('Differences from v{{from}} to v{{to}}', { from, to })}>
      <h3>
        v{from} → v{to}{' '}
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('Close')}
        </button>
      </h3>
      <FlowChanges flowId={flowId} from={from} to={to} />
    </section>
  );
}

/** Every path through the version, with how many recent decisions took it and how they ended. */
function Paths({ flowId, version }: { flowId: string; version: number }) {
  const data = useLoad(async () => {
    const [paths, decisions] = await Promise.all([
      get<{ count: number; truncated: boolean; paths: FlowPath[] }>(`/v1/flows/${encodeURIComponent(flowId)}/versions/${version}/paths`),
      get<{ decisions: Decision[] }>(`/v1/decisions?flow=${encodeURIComponent(flowId)}&limit=500`)
        .then((r) => r.decisions.filter((d) => d.flow.version === version))
        .catch(() => null),
    ]);
    return { paths, decisions };
  }, [flowId, version]);
  return (
    <Loaded state={data} what={t('paths')}>
      {({ paths, decisions }) => {
        const taken = new Map<string, Decision[]>();
        for (const d of decisions ?? []) {
          const key = d.path.join(' > ');
          taken.set(key, [...(taken.get(key) ?? []), d]);
        }
        const rows = paths.paths.map((p) => ({ p, hits: taken.get(p.steps.join(' > ')) ?? [] })).sort((a, b) => b.hits.length - a.hits.length);
        const covered = rows.filter((r) => r.hits.length > 0).length;
        return (
          <>
            <h3>
              {t('Paths:')} {num(paths.count)}
              {paths.truncated ? '+' : ''}{' '}
              {decisions ? (
                <span className="muted">
                  · {covered} {t('taken by the last')} {decisions.length} {t('decisions (')}
                  {pct(paths.count ? covered / paths.count : null)} {t('coverage)')}
                </span>
              ) : (
                <span className="muted">{t('· coverage needs a role that reads decisions')}</span>
              )}
            </h3>
            <table aria-label={t('Paths')}>
              <thead>
                <tr>
                  <th>{t('Ends at')}</th>
                  <th>{t('Outcome')}</th>
                  <th>{t('Decisions')}</th>
                  <th>{t('Approved / declined / referred')}</th>
                  <th>{t('Conditions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, 100).map(({ p, hits }, i) => (
                  <tr key={i}>
                    <td>
                      <code>{p.end}</code>
                    </td>
                    <td>
                      <Badge value={p.outcome} />
                    </td>
                    <td>{hits.length}</td>
                    <td>
                      {hits.length
                        ? `${hits.filter((d) => d.outcome === 'approve').length} / ${hits.filter((d) => d.outcome === 'decline').length} / ${hits.filter((d) => d.outcome === 'refer').length}`
                        : '—'}
                    </td>
                    <td className="small">{p.conditions.join(' ∧ ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length > 100 ? (
              <p className="muted">
                {t('The 100 most taken of')} {rows.length} {t('paths are shown.')}
              </p>
            ) : null}
          </>
        );
      }}
    </Loaded>
  );
}
