import { t } from '../i18n/i18n.ts';
import { lazy, Suspense, useState } from 'react';
import { get, post } from '../api.ts';
import type { PageProps } from '../types.ts';
import { go, href } from '../router.ts';
import type { FlowSummary, FlowVersion, Posted, TableCheckRequest } from '../types.ts';
import { ActionButton, Badge, Empty, Loaded, Loading, SideList, useLoad } from '../ui.tsx';

/** A decision table as the API takes it, and what `POST /v1/tables/check` says of one. */
type Table = TableCheckRequest['table'];
type Check = Posted<'/v1/tables/check'>;

export function TablesPage({ me, route }: PageProps) {
  const [, flowId, versionText, nodeId] = route;
  const index = useLoad(async () => {
    const { flows } = await get<{ flows: FlowSummary[] }>('/v1/flows');
    const versions = await Promise.all(flows.map((f) => get<FlowVersion>(`/v1/flows/${encodeURIComponent(f.id)}/versions/${f.latestVersion}`)));
    return versions.flatMap((v) =>
      v.definition.nodes
        .filter((n) => n.kind === 'table')
        .map((n) => ({ flow: v.flowId, version: v.version, status: v.status, node: n.id, label: n.label ?? n.id, inline: Boolean(n.table) })),
    );
  }, []);
  return (
    <section aria-labelledby="tables-title">
      <h1 id="tables-title">{t('Decision tables')}</h1>
      <div className="split">
        <nav aria-label={t('Decision tables')} className="side">
          <Loaded state={index} what={t('decision tables')}>
            {(list) =>
              list.length === 0 ? (
                <Empty>{t('No flow has a decision table.')}</Empty>
              ) : (
                <SideList
                  items={list.map((t) => ({
                    key: `${t.flow}/${t.node}`,
                    href: href('tables', t.flow, t.version, t.node),
                    title: t.label,
                    detail: `${t.flow} v${t.version} ${t.status}${t.inline ? '' : ' · from a DMN file'}`,
                    current: t.flow === flowId && t.node === nodeId,
                  }))}
                />
              )
            }
          </Loaded>
        </nav>
        <div className="content">
          {flowId && versionText && nodeId ? (
            <TableEditor key={`${flowId}/${versionText}/${nodeId}`} me={me} flowId={flowId} version={Number(versionText)} nodeId={nodeId} />
          ) : (
            <Empty>{t('Choose a table.')}</Empty>
          )}
        </div>
      </div>
    </section>
  );
}

function TableEditor({ me, flowId, version, nodeId }: { me: PageProps['me']; flowId: string; version: number; nodeId: string }) {
  const source = useLoad(() => get<FlowVersion>(`/v1/flows/${encodeURIComponent(flowId)}/versions/${version}`), [flowId, version]);
  return (
    <Loaded state={source} what={t('the table')}>
      {(v) => {
        const node = v.definition.nodes.find((n) => n.id === nodeId);
        if (!node)
          return (
            <Empty>
              {t('Version')} {version} {t('has no node')} {nodeId}.
            </Empty>
          );
        if (!node.table)
          return (
            <Empty>
              {t('This table comes from a DMN file (')}
              {JSON.stringify(node.dmn)}
              {t('); edit the file and import it again.')}
            </Empty>
          );
        return <Grid me={me} source={v} nodeId={nodeId} initial={node.table as Table} />;
      }}
    </Loaded>
  );
}

/** The editor's grid, loaded on demand as the editor is: it brings CodeMirror for column expressions. */
const TableForm = lazy(() => import('../editor/table-form.tsx').then((m) => ({ default: m.TableForm })));

/** The table of one node, in the editor's grid; saved as a new draft of its flow. */
function Grid({ me, source, nodeId, initial }: { me: PageProps['me']; source: FlowVersion; nodeId: string; initial: Table }) {
  const [table, setTable] = useState<Table>(initial);
  const [check, setCheck] = useState<Check | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const canEdit = me.role === 'risk-manager' || me.role === 'analyst';
  return (
    <>
      <h2>
        {nodeId}{' '}
        <span className="muted">
          {t('in')} {source.flowId} v{source.version}
        </span>{' '}
        <Badge value={table.hitPolicy ?? 'UNIQUE'} />
      </h2>
      <div className="grid-wrap">
        <Suspense fallback={<Loading what={t('the table')} />}>
          <TableForm
            table={table}
            onChange={setTable}
            names={[]}
            issues={[]}
            base={`table-${nodeId}`}
            label={t('Decision table {{nodeId}}', { nodeId })}
            readOnly={!canEdit}
            onCheck={setCheck}
          />
        </Suspense>
      </div>
      {canEdit ? (
        <div className="toolbar">
          <ActionButton
            onClick={async () => {
              const definition = { ...source.definition, nodes: source.definition.nodes.map((n) => (n.id === nodeId ? { ...n, table } : n)) };
              const v = await post<FlowVersion>(`/v1/flows/${encodeURIComponent(source.flowId)}/versions`, { definition });
              setSaved(v.version);
            }}
            disabled={!check || Boolean(check.cells.length || check.table)}
          >
            {t('Save as a new draft')}
          </ActionButton>
        </div>
      ) : null}
      {saved !== null ? (
        <div className="notice" role="status">
          {t('Saved as draft v')}
          {saved} {t('of')} {source.flowId}. <a href={href('flows', source.flowId, saved)}>{t('Open it under Flows')}</a> {t('to validate and publish, or')}{' '}
          <a href={href('tables', source.flowId, saved, nodeId)} onClick={() => go('tables', source.flowId, saved, nodeId)}>
            {t('keep editing it')}
          </a>
          .
        </div>
      ) : null}
      <p className="muted small">
        {table.inputs.length + table.outputs.length} {t('columns ·')} {table.rules.length} {t('rules')}
      </p>
    </>
  );
}
