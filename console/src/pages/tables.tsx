import { useEffect, useRef, useState } from 'react';
import { get, post } from '../api.ts';
import type { PageProps } from '../types.ts';
import { go, href } from '../router.ts';
import type { FlowSummary, FlowVersion, Posted, TableCheckRequest } from '../types.ts';
import { ActionButton, Badge, Empty, Loaded, SideList, useLoad } from '../ui.tsx';

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
      <h1 id="tables-title">Decision tables</h1>
      <div className="split">
        <nav aria-label="Decision tables" className="side">
          <Loaded state={index} what="decision tables">
            {(list) =>
              list.length === 0 ? (
                <Empty>No flow has a decision table.</Empty>
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
            <Empty>Choose a table.</Empty>
          )}
        </div>
      </div>
    </section>
  );
}

function TableEditor({ me, flowId, version, nodeId }: { me: PageProps['me']; flowId: string; version: number; nodeId: string }) {
  const source = useLoad(() => get<FlowVersion>(`/v1/flows/${encodeURIComponent(flowId)}/versions/${version}`), [flowId, version]);
  return (
    <Loaded state={source} what="the table">
      {(v) => {
        const node = v.definition.nodes.find((n) => n.id === nodeId);
        if (!node)
          return (
            <Empty>
              Version {version} has no node {nodeId}.
            </Empty>
          );
        if (!node.table) return <Empty>This table comes from a DMN file ({JSON.stringify(node.dmn)}); edit the file and import it again.</Empty>;
        return <Grid me={me} source={v} nodeId={nodeId} initial={node.table as Table} />;
      }}
    </Loaded>
  );
}

function Grid({ me, source, nodeId, initial }: { me: PageProps['me']; source: FlowVersion; nodeId: string; initial: Table }) {
  const [table, setTable] = useState<Table>(initial);
  const [check, setCheck] = useState<Check | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const canEdit = me.role === 'risk-manager' || me.role === 'analyst';
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (!canEdit) return;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      post<Check>('/v1/tables/check', { table }).then(
        (c) => {
          setCheck(c);
          setCheckError(null);
        },
        (err: Error) => setCheckError(err.message),
      );
    }, 250);
    return () => window.clearTimeout(timer.current);
  }, [table, canEdit]);

  const cellIssue = (rule: number, column: number) => check?.cells.find((c) => c.rule === rule && c.column === column);
  const overlapping = new Set(check?.overlaps.flatMap((o) => o.rules) ?? []);
  const setCell = (r: number, part: 'inputEntries' | 'outputEntries', j: number, text: string) =>
    setTable((t) => ({ ...t, rules: t.rules.map((rule, i) => (i === r ? { ...rule, [part]: rule[part].map((x, k) => (k === j ? text : x)) } : rule)) }));
  const width = table.inputs.length + table.outputs.length;

  return (
    <>
      <h2>
        {nodeId}{' '}
        <span className="muted">
          in {source.flowId} v{source.version}
        </span>{' '}
        <Badge value={table.hitPolicy ?? 'UNIQUE'} />
      </h2>
      {!canEdit ? <p className="muted">Read only: editing needs the risk-manager or analyst role.</p> : null}
      <div className="grid-wrap">
        <table className="dt" aria-label={`Decision table ${nodeId}`}>
          <thead>
            <tr>
              <th scope="col">#</th>
              {table.inputs.map((c, j) => (
                <th scope="col" key={`i${j}`} className="in">
                  {c.label ?? c.expression}
                </th>
              ))}
              {table.outputs.map((c, j) => (
                <th scope="col" key={`o${j}`} className="out">
                  {c.name}
                </th>
              ))}
              {canEdit ? <th /> : null}
            </tr>
          </thead>
          <tbody>
            {table.rules.map((rule, r) => (
              <tr key={r} className={overlapping.has(r + 1) ? 'overlap' : undefined} data-rule={r + 1}>
                <th scope="row">{r + 1}</th>
                {[
                  ...rule.inputEntries.map((text, j) => ({ text, j, part: 'inputEntries' as const, column: j + 1 })),
                  ...rule.outputEntries.map((text, j) => ({ text, j, part: 'outputEntries' as const, column: table.inputs.length + j + 1 })),
                ].map(({ text, j, part, column }) => {
                  const issue = cellIssue(r + 1, column);
                  const id = `cell-${r + 1}-${column}`;
                  return (
                    <td key={column} className={issue ? 'cell-error' : undefined}>
                      <input
                        id={id}
                        aria-label={`rule ${r + 1}, ${part === 'inputEntries' ? (table.inputs[j]!.label ?? table.inputs[j]!.expression) : table.outputs[j]!.name}`}
                        aria-invalid={issue ? true : undefined}
                        aria-describedby={issue ? `${id}-error` : undefined}
                        value={text}
                        readOnly={!canEdit}
                        onChange={(e) => setCell(r, part, j, e.target.value)}
                      />
                      {issue ? (
                        <div className="cell-message" id={`${id}-error`} role="alert">
                          {issue.message}
                        </div>
                      ) : null}
                    </td>
                  );
                })}
                {canEdit ? (
                  <td>
                    <button
                      type="button"
                      className="btn btn-secondary"
                      aria-label={`Remove rule ${r + 1}`}
                      onClick={() => setTable((t) => ({ ...t, rules: t.rules.filter((_, i) => i !== r) }))}
                    >
                      ✕
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canEdit ? (
        <div className="toolbar">
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() =>
              setTable((t) => ({ ...t, rules: [...t.rules, { inputEntries: t.inputs.map(() => '-'), outputEntries: t.outputs.map(() => 'null') }] }))
            }
          >
            Add rule
          </button>
          <ActionButton
            onClick={async () => {
              const definition = { ...source.definition, nodes: source.definition.nodes.map((n) => (n.id === nodeId ? { ...n, table } : n)) };
              const v = await post<FlowVersion>(`/v1/flows/${encodeURIComponent(source.flowId)}/versions`, { definition });
              setSaved(v.version);
            }}
            disabled={Boolean(check?.cells.length)}
          >
            Save as a new draft
          </ActionButton>
        </div>
      ) : null}
      {saved !== null ? (
        <div className="notice" role="status">
          Saved as draft v{saved} of {source.flowId}. <a href={href('flows', source.flowId, saved)}>Open it under Flows</a> to validate and publish, or{' '}
          <a href={href('tables', source.flowId, saved, nodeId)} onClick={() => go('tables', source.flowId, saved, nodeId)}>
            keep editing it
          </a>
          .
        </div>
      ) : null}
      {checkError ? (
        <div className="error" role="alert">
          The table could not be checked: {checkError}
        </div>
      ) : null}
      {check ? (
        <section className="panel" aria-label="Table check">
          {check.cells.length ? (
            <p className="error-text">
              {check.cells.length === 1 ? 'One cell does not compile; it says why.' : `${check.cells.length} cells do not compile; each says why.`}
            </p>
          ) : null}
          {check.table ? <p className="error-text">{check.table}</p> : null}
          {!check.cells.length && !check.table ? (
            <>
              <p>
                {check.gaps.length === 0
                  ? 'No gaps: every input is matched by a rule.'
                  : `${check.gaps.length}${check.truncated ? '+' : ''} gaps: inputs no rule matches.`}{' '}
                {check.overlaps.length === 0
                  ? 'No overlaps.'
                  : `${check.overlaps.length} overlaps${table.hitPolicy && table.hitPolicy !== 'UNIQUE' ? ` (allowed by the ${table.hitPolicy} hit policy)` : ''}.`}
                {check.unanalysedColumns.length ? ` Columns ${check.unanalysedColumns.join(', ')} use expressions the analysis cannot enumerate.` : ''}
              </p>
              <ul className="findings">
                {check.gaps.map((g, i) => (
                  <li key={`g${i}`} className="gap">
                    Gap: {table.inputs.map((c, j) => `${c.label ?? c.expression} = ${JSON.stringify(g.example[j])}`).join(', ')}
                  </li>
                ))}
                {check.overlaps.map((o, i) => (
                  <li key={`o${i}`} className="overlap">
                    Rules {o.rules[0]} and {o.rules[1]} both match{' '}
                    {table.inputs.map((c, j) => `${c.label ?? c.expression} = ${JSON.stringify(o.example[j])}`).join(', ')}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <p className="muted small">
        {width} columns · {table.rules.length} rules
      </p>
    </>
  );
}
