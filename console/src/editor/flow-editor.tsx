import { t } from '../i18n/i18n.ts';
import { ReactFlowProvider, useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, get, post, put } from '../api.ts';
import { go } from '../router.ts';
import type { FlowDefinition, FlowEdge, FlowNode, FlowVersion, PageProps } from '../types.ts';
import { ActionButton, Badge, ErrorBox, Loading, num, saveText } from '../ui.tsx';
import { problemCounts, useFlowCheck } from './checks.ts';
import { EdgeForm } from './edge-form.tsx';
import { FlowCanvas, type Selection } from './flow-canvas.tsx';
import { useHistory } from './history.ts';
import { takeShownVersion } from './opened-versions.ts';
import { INSET_PREFIX, type OpenedSubflow } from './subflow-inset.ts';
import { type FlowLayout, layoutFlow, NODE_WIDTH, type Point } from './layout.ts';
import { type Catalog, JsonField, NodeForm } from './node-form.tsx';
import { emptyFlow, freeId, NODE_KINDS, type NodeKind, newEdge, newNode, portsOf, renameNode } from './node-kinds.ts';
import { type TestCase, TestPanel } from './test-panel.tsx';
import { EMPTY_CATALOG, loadCatalog } from './catalog.ts';
import { takeWarmCatalog } from './warm-start.ts';
import { afterIdle } from '../idle.ts';
import { ConnectFrom, FlowSettings, ProblemList } from './editor-panels.tsx';

/** Where the editor starts: a stored version, or a new flow. */
type Source = { version: FlowVersion } | { fresh: true };

/** Below this zoom node titles are no longer legible. */
const READABLE_ZOOM = 0.55;
/** Up to this many nodes, a flow is shown whole after a node is added. */
const SMALL_FLOW = 16;

/** The flow editor page: a stored version (`#/flows/:id/:version/edit`) or a new flow (`#/flows/new`). */
export function FlowEditor({ me, flowId, version }: { me: PageProps['me']; flowId: string | null; version: number | null }) {
  const [source, setSource] = useState<Source | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    if (!flowId) return setSource({ fresh: true });
    const shown = version === null ? null : takeShownVersion(flowId, version);
    if (shown) return setSource({ version: shown });
    get<FlowVersion>(`/v1/flows/${encodeURIComponent(flowId)}/versions/${version}`).then((v) => setSource({ version: v }), setError);
  }, [flowId, version]);
  if (error) return <ErrorBox error={error} />;
  if (!source) return <Loading what={t('the flow')} />;
  return (
    <ReactFlowProvider>
      <Editor key={flowId ?? 'new'} me={me} source={source} />
    </ReactFlowProvider>
  );
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable || el.closest('.cm-editor')));
}

function Editor({ me, source }: { me: PageProps['me']; source: Source }) {
  const stored = 'version' in source ? source.version : null;
  const initial = useMemo(() => (stored ? stored.definition : emptyFlow('new-flow', t('New flow'))), [stored]);
  const history = useHistory<FlowDefinition>(initial);
  const def = history.value;
  const [savedJson, setSavedJson] = useState(() => (stored ? JSON.stringify(stored.definition) : ''));
  const [positions, setPositions] = useState<Map<string, Point>>(new Map());
  const [layout, setLayout] = useState<FlowLayout | null>(null);
  const [layoutMs, setLayoutMs] = useState<number | null>(null);
  const [pendingView, setPendingView] = useState<FlowLayout | null>(null);
  const [selection, setSelection] = useState<Selection>(null);
  const [path, setPath] = useState<string[]>([]);
  const [catalog, setCatalog] = useState<Catalog>(EMPTY_CATALOG);
  const [flowJson, setFlowJson] = useState(false);
  const [saveError, setSaveError] = useState<Error | null>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const clipboard = useRef<FlowNode | null>(null);
  const { fitView, setViewport, setCenter, getZoom } = useReactFlow();
  const [opened, setOpened] = useState<ReadonlyMap<string, OpenedSubflow>>(new Map());
  const [subflowError, setSubflowError] = useState<Error | null>(null);

  /** Opens a subflow node's flow on the canvas (its pinned version, else the live one), or closes it. */
  const toggleSubflow = useCallback(
    async (nodeId: string) => {
      if (opened.has(nodeId)) {
        const next = new Map(opened);
        next.delete(nodeId);
        return setOpened(next);
      }
      const node = def.nodes.find((n) => n.id === nodeId);
      if (!node || typeof node.flow !== 'string') return;
      setSubflowError(null);
      try {
        const base = `/v1/flows/${encodeURIComponent(node.flow)}/versions`;
        // Unpinned, a subflow runs its live version, which the catalog already knows.
        const version = typeof node.version === 'number' ? node.version : (catalog.flows.find((f) => f.id === node.flow)?.liveVersion ?? null);
        if (!version) throw new Error(t('flow {{flow}} has no live version to show', { flow: node.flow }));
        const sub = await get<FlowVersion>(`${base}/${version}`);
        setOpened(new Map(opened).set(nodeId, { definition: sub.definition, version, layout: await layoutFlow(sub.definition) }));
        // Show the subflow node with what opened under it.
        requestAnimationFrame(() => fitView({ nodes: [{ id: nodeId }, { id: `${INSET_PREFIX}${nodeId}` }], padding: 0.1, duration: 200, maxZoom: 1 }));
      } catch (err) {
        setSubflowError(err as Error);
      }
    },
    [opened, def.nodes, fitView, catalog.flows],
  );
  const check = useFlowCheck(def);
  const names = check.check?.names ?? [];
  const scope = check.check?.scope ?? {};
  /**
   * What a node's expressions may read: what its parents have set (an expression node also sees
   * its own earlier assignments). Until the flow parses, every name it mentions.
   */
  const namesFor = (nodeId: string, kind: string): string[] => {
    if (!scope[nodeId]) return names;
    if (kind === 'expression') return scope[nodeId]!;
    const seen = new Set<string>(Object.keys(def.input?.fields ?? {}));
    for (const e of def.edges) if (e.to === nodeId) for (const n of scope[e.from] ?? []) seen.add(n);
    return [...seen].sort();
  };
  const issues = check.check?.issues ?? [];
  const counts = useMemo(() => problemCounts([...issues, ...(check.check?.publishable ?? [])]), [issues, check.check?.publishable]);
  const canEdit = me.role === 'risk-manager' || me.role === 'analyst';
  const dirty = JSON.stringify(def) !== savedJson;

  const tidy = useCallback(async (d: FlowDefinition) => {
    const t0 = performance.now();
    const laid = await layoutFlow(d);
    setLayoutMs(performance.now() - t0);
    setLayout(laid);
    setPositions(new Map(laid.nodes));
    setPendingView(laid);
  }, []);

  // The view is set once the nodes are drawn and measured; set earlier, the canvas would move it again.
  const drawn = useNodesInitialized();
  useEffect(() => {
    if (!pendingView || !drawn) return;
    setPendingView(null);
    const canvas = document.querySelector('.studio-canvas')?.getBoundingClientRect();
    const fit = canvas ? Math.min(canvas.width / (pendingView.width + 40), canvas.height / (pendingView.height + 40)) : 1;
    // A long flow fitted whole is too small to read: start at its input, readable, with the minimap for the rest.
    if (canvas && fit < READABLE_ZOOM) setViewport({ x: 16, y: canvas.height / 2 - (pendingView.height * READABLE_ZOOM) / 2, zoom: READABLE_ZOOM });
    else fitView({ padding: 0.05, maxZoom: 1 });
  }, [pendingView, drawn, fitView, setViewport]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: laid out once on open; later only on "Tidy layout"
  useEffect(() => {
    void tidy(initial);
    // The catalog the flow's page fetched shows at once; a fresh one replaces it once the editor is drawn.
    const warm = takeWarmCatalog();
    if (warm) {
      warm.then(setCatalog);
      afterIdle().then(loadCatalog).then(setCatalog);
    } else loadCatalog().then(setCatalog);
  }, []);

  const edit = useCallback(
    (next: FlowDefinition, group?: string) => {
      setSavedNote(null);
      history.set(next, group);
    },
    [history],
  );

  /** A node placed right of `after` (or right of everything), clear of nodes already there. */
  const placeFor = (after: string | null): Point => {
    const base = after ? positions.get(after) : undefined;
    const xs = [...positions.values()];
    const x = base ? base.x + NODE_WIDTH + 60 : Math.max(0, ...xs.map((p) => p.x)) + NODE_WIDTH + 60;
    let y = base?.y ?? 0;
    while (xs.some((p) => Math.abs(p.x - x) < NODE_WIDTH && Math.abs(p.y - y) < 60)) y += 80;
    return { x, y };
  };

  /**
   * Adds a node where the analyst is: into the selected edge, or after the selected node (into
   * its one way out, or as a new branch of a switch, ruleset, review or bureau), else on its own.
   */
  const addNode = (kind: NodeKind) => {
    const id = freeId(def, kind === 'optimize' ? 'optimise' : kind);
    const node = newNode(kind, id);
    const nodes = [...def.nodes, node];
    const withNodes = { ...def, nodes };
    let edges = def.edges;
    let after: string | null = null;
    const into = (i: number) => {
      const cut = def.edges[i]!;
      after = cut.from;
      const onward = kind === 'output' ? [] : [kind === 'switch' ? { from: id, to: cut.to, default: true } : newEdge(withNodes, id, cut.to)];
      edges = [...def.edges.map((e, k) => (k === i ? { ...e, to: id } : e)), ...onward];
    };
    if (selection && 'edge' in selection && def.edges[selection.edge]) into(selection.edge);
    else if (selection && 'node' in selection) {
      const from = def.nodes.find((n) => n.id === selection.node);
      const out = def.edges.map((e, i) => ({ e, i })).filter(({ e }) => e.from === selection.node);
      if (from && from.kind !== 'output') {
        after = from.id;
        const branches = portsOf(from.kind) !== null || from.kind === 'switch';
        if (!branches && out.length === 1) into(out[0]!.i);
        else if (branches || out.length === 0) edges = [...def.edges, newEdge(withNodes, from.id, id)];
      }
    }
    const at = placeFor(after);
    setPositions(new Map(positions).set(id, at));
    edit({ ...withNodes, edges });
    setSelection({ node: id });
    showNew(at, nodes.length);
  };

  /** Brings a node just added into view: a small flow is fitted whole, a large one centred on the node. */
  const showNew = (at: Point, count: number) =>
    requestAnimationFrame(() => {
      if (count <= SMALL_FLOW) fitView({ padding: 0.1, maxZoom: 1, duration: 200 });
      else setCenter(at.x + NODE_WIDTH / 2, at.y, { zoom: Math.max(getZoom(), READABLE_ZOOM), duration: 200 });
    });

  const deleteParts = (nodeIds: string[], edgeIndexes: number[]) => {
    if (!nodeIds.length && !edgeIndexes.length) return;
    const gone = new Set(nodeIds);
    edit({
      ...def,
      nodes: def.nodes.filter((n) => !gone.has(n.id)),
      edges: def.edges.filter((e, i) => !edgeIndexes.includes(i) && !gone.has(e.from) && !gone.has(e.to)),
    });
    setSelection(null);
  };

  const paste = () => {
    const copied = clipboard.current;
    if (!copied) return;
    const id = freeId(def, copied.id.replace(/\d+$/, '') || copied.kind);
    const original = positions.get(copied.id);
    const at = original ? { x: original.x + 30, y: original.y + 90 } : placeFor(null);
    setPositions(new Map(positions).set(id, at));
    edit({ ...def, nodes: [...def.nodes, { ...structuredClone(copied), id }] });
    setSelection({ node: id });
    showNew(at, def.nodes.length + 1);
  };

  // Keys for the graph; text fields keep their own (undo inside a FEEL editor undoes typing).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || !canEdit) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z' && !e.shiftKey) history.undo();
      else if (mod && (key === 'y' || (key === 'z' && e.shiftKey))) history.redo();
      else if (mod && key === 'c' && selection && 'node' in selection) clipboard.current = def.nodes.find((n) => n.id === selection.node) ?? null;
      else if (mod && key === 'v') paste();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const save = async () => {
    setSaveError(null);
    try {
      let saved: FlowVersion;
      if (!stored) saved = await post<FlowVersion>('/v1/flows', { definition: def });
      else if (stored.status === 'draft' && stored.flowId === def.id)
        saved = await put<FlowVersion>(`/v1/flows/${encodeURIComponent(stored.flowId)}/versions/${stored.version}`, { definition: def });
      else saved = await post<FlowVersion>(`/v1/flows/${encodeURIComponent(def.id)}/versions`, { definition: def });
      setSavedJson(JSON.stringify(def));
      setSavedNote(t('Saved as draft v{{version}}.', { version: saved.version }));
      if (!stored || saved.version !== stored.version || saved.flowId !== stored.flowId) go('flows', saved.flowId, saved.version, 'edit');
    } catch (err) {
      setSaveError(err instanceof ApiError && Array.isArray(err.details) ? new Error(`${err.message}`) : (err as Error));
    }
  };

  const selectedNode = selection && 'node' in selection ? def.nodes.find((n) => n.id === selection.node) : undefined;
  const selectedEdge = selection && 'edge' in selection ? def.edges[selection.edge] : undefined;
  const goTo = (id: string) => {
    setSelection({ node: id });
    fitView({ nodes: [{ id }], duration: 300, maxZoom: 1.2 });
  };
  const c = check.check;
  return (
    <section className="studio" aria-label={t('Flow editor')}>
      <div className="studio-head">
        <h2>
          {def.name} <span className="muted">{stored ? `v${stored.version}` : 'new'}</span> {stored ? <Badge value={stored.status} /> : null}
          {dirty ? <span className="badge badge-unsaved">{t('unsaved')}</span> : null}
        </h2>
        <div className="toolbar">
          <button type="button" className="btn btn-secondary" onClick={history.undo} disabled={!history.canUndo} aria-keyshortcuts="Control+Z">
            {t('Undo')}
          </button>
          <button type="button" className="btn btn-secondary" onClick={history.redo} disabled={!history.canRedo} aria-keyshortcuts="Control+Shift+Z">
            {t('Redo')}
          </button>
          <button type="button" className="btn btn-secondary" onClick={() => void tidy(def)}>
            {t('Tidy layout')}
          </button>
          <label className="inline">
            {t('Go to node')}{' '}
            <select value="" onChange={(e) => e.target.value && goTo(e.target.value)} aria-label={t('Go to node')}>
              <option value="">…</option>
              {def.nodes.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.label ?? n.id}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn btn-secondary" aria-pressed={flowJson} onClick={() => setFlowJson(!flowJson)}>
            {flowJson ? t('Hide flow JSON') : t('Flow JSON')}
          </button>
          {canEdit ? (
            <ActionButton onClick={save} disabled={!dirty && Boolean(stored)}>
              {stored && stored.status === 'draft' ? t('Save draft') : t('Save as new draft')}
            </ActionButton>
          ) : null}
          {stored ? (
            <a className="btn btn-secondary" href={`#/flows/${encodeURIComponent(stored.flowId)}/${stored.version}`}>
              {t('Close editor')}
            </a>
          ) : null}
        </div>
      </div>
      <ErrorBox error={saveError} />
      <ErrorBox error={subflowError} />
      {savedNote ? (
        <p className="notice" role="status">
          {savedNote}
        </p>
      ) : null}
      <p className="studio-status small" role="status" aria-live="polite" data-testid="check-status">
        {check.error ? t('The checks could not run: {{error}}', { error: check.error }) : null}
        {c ? (
          <>
            {c.ok ? (
              <span className="pass">{t('No problems')}</span>
            ) : (
              <span className="problem-text">
                {c.issues.length} {t('problem(s)')}
              </span>
            )}
            {c.paths ? t(' · {{count}}{{value}} paths', { count: num(c.paths.count), value: c.paths.truncated ? '+' : '' }) : ''}
            {c.ok && c.publishable.length ? t(' · before publishing: {{length}} to do', { length: c.publishable.length }) : ''}
            {c.warnings.length ? t(' · {{length}} warning(s)', { length: c.warnings.length }) : ''}
            <span className="muted">
              {' '}
              {t('· checked in')} {c.ms.toFixed(1)} {t('ms on the server (')}
              {check.roundTripMs?.toFixed(0)} {t('ms round trip)')}
              {layoutMs !== null ? t(' · laid out in {{toFixed}} ms', { toFixed: layoutMs.toFixed(0) }) : ''}
              {check.checking ? t(' · checking…') : ''}
            </span>
          </>
        ) : (
          t('Checking…')
        )}
      </p>
      <div className="studio-body">
        {canEdit ? (
          <nav className="palette" aria-label={t('Add a node')}>
            <h3>{t('Add')}</h3>
            {NODE_KINDS.map((k) => (
              <button key={k.kind} type="button" className="btn btn-secondary palette-item" title={t(k.hint)} onClick={() => addNode(k.kind)}>
                {t(k.title)}
              </button>
            ))}
            <p className="muted small">
              {t("With a node selected, the new one follows it. Drag from a node's right handle to connect; Delete removes; Ctrl+C, Ctrl+V copy.")}
            </p>
          </nav>
        ) : null}
        <FlowCanvas
          definition={def}
          positions={positions}
          layout={layout}
          problems={counts}
          path={path}
          selection={selection}
          onSelect={setSelection}
          onMove={(id, at) => setPositions((p) => new Map(p).set(id, at))}
          onConnect={(from, to) => edit({ ...def, edges: [...def.edges, newEdge(def, from, to)] })}
          onReconnect={(i, from, to) => edit({ ...def, edges: def.edges.map((e, k) => (k === i ? { ...e, from, to } : e)) })}
          onDelete={deleteParts}
          opened={opened}
          onToggleSubflow={toggleSubflow}
        />
        <aside className="studio-side" aria-label={t('Details')}>
          {selectedNode ? (
            <>
              <h3>
                {selectedNode.label ?? selectedNode.id} <Badge value={selectedNode.kind} />
              </h3>
              <NodeForm
                key={selectedNode.id}
                node={selectedNode}
                index={def.nodes.indexOf(selectedNode)}
                definition={def}
                names={namesFor(selectedNode.id, selectedNode.kind)}
                issues={issues.filter((i) => i.node === selectedNode.id).concat((c?.publishable ?? []).filter((i) => i.node === selectedNode.id))}
                catalog={catalog}
                onChange={(n, group) => edit({ ...def, nodes: def.nodes.map((x) => (x === selectedNode ? n : x)) }, group && `${selectedNode.id}:${group}`)}
                onRename={(to) => {
                  if (def.nodes.some((n) => n.id === to)) return;
                  edit(renameNode(def, selectedNode.id, to));
                  const at = positions.get(selectedNode.id);
                  if (at) setPositions(new Map(positions).set(to, at));
                  setSelection({ node: to });
                }}
                onSelectEdge={(i) => setSelection({ edge: i })}
                downloadDmn={
                  stored && !dirty && stored.definition.nodes.some((n) => n.id === selectedNode.id && n.kind === 'table')
                    ? async (dmnVersion) =>
                        saveText(
                          await get<string>(
                            `/v1/flows/${encodeURIComponent(stored.flowId)}/versions/${stored.version}/nodes/${encodeURIComponent(selectedNode.id)}/dmn?dmnVersion=${dmnVersion}`,
                          ),
                          `${stored.flowId}-v${stored.version}-${selectedNode.id}${dmnVersion === '1.5' ? '' : `-dmn${dmnVersion}`}.dmn`,
                        )
                    : undefined
                }
                onInputFields={(fields, group) =>
                  edit({ ...def, input: { ...(def.input ?? { fields: {} }), fields } as FlowDefinition['input'] }, group && `fields:${group}`)
                }
              />
              <ConnectFrom def={def} from={selectedNode.id} onConnect={(to) => edit({ ...def, edges: [...def.edges, newEdge(def, selectedNode.id, to)] })} />
              <button type="button" className="btn btn-danger btn-small" onClick={() => deleteParts([selectedNode.id], [])}>
                {t('Delete node')}
              </button>
            </>
          ) : selectedEdge && selection && 'edge' in selection ? (
            <>
              <h3>
                {t('Edge')} {selectedEdge.from} → {selectedEdge.to}
              </h3>
              <EdgeForm
                edge={selectedEdge}
                index={selection.edge}
                definition={def}
                names={scope[selectedEdge.from] ?? names}
                issues={issues.filter((i) => i.edge === selection.edge)}
                onChange={(e: FlowEdge, group) => edit({ ...def, edges: def.edges.map((x, k) => (k === selection.edge ? e : x)) }, group)}
                onDelete={() => deleteParts([], [selection.edge])}
              />
            </>
          ) : (
            <FlowSettings def={def} isNew={!stored} onChange={edit} />
          )}
        </aside>
      </div>
      {flowJson ? (
        <section className="panel" aria-label={t('Flow JSON')}>
          <JsonField label={t('The whole flow (applied when it parses)')} value={def} onChange={(v) => edit(v as FlowDefinition, 'flow-json')} />
        </section>
      ) : null}
      <ProblemList check={c} onGo={(i) => (i.node ? goTo(i.node) : i.edge !== undefined ? setSelection({ edge: i.edge }) : undefined)} />
      {canEdit ? (
        <TestPanel
          definition={def}
          catalog={catalog}
          onPath={setPath}
          onTests={(tests: TestCase[]) => edit({ ...def, tests: tests.length ? tests : undefined })}
        />
      ) : null}
    </section>
  );
}
