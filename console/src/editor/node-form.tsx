import { t, tk } from '../i18n/i18n.ts';
import { useEffect, useState } from 'react';
import { ActionButton } from '../ui.tsx';
import type { FlowDefinition, FlowNode } from '../types.ts';
import type { LocatedIssue } from './checks.ts';
import { StrategyForm } from './strategy-form.tsx';
import { FeelField, FeelMap, issuesAt, Problems, SelectField, TextField, withChinese, type Texts } from './form-parts.tsx';
import { type FieldSpec, InputFieldsForm } from './input-fields-form.tsx';
import { type TableSpec, TableForm } from './table-form.tsx';

/** What the pickers offer: stored flows, models and connectors. */
export interface Catalog {
  flows: { id: string; name: string; liveVersion: number | null }[];
  models: string[];
  connectors: { reference: string; inputs: string[]; features: string[]; consentScope: string }[];
  /** Stored DMN model versions and their decision-table decisions, for table nodes. */
  dmnModels: { reference: string; tables: string[] }[];
}

type Change = (node: FlowNode, group?: string) => void;

interface RuleSpec {
  code: string;
  when: string;
  severity: string;
  text: string;
  texts?: Texts;
}

interface ReasonSpec {
  code: string;
  text: string;
  texts?: Texts;
}

/** The form of one node, by kind, with its JSON beside it (kept in step both ways). */
export function NodeForm({
  node,
  index,
  definition,
  names,
  issues,
  catalog,
  onChange,
  onRename,
  onInputFields,
  onSelectEdge,
  downloadDmn,
}: {
  node: FlowNode;
  index: number;
  definition: FlowDefinition;
  names: readonly string[];
  issues: readonly LocatedIssue[];
  catalog: Catalog;
  onChange: Change;
  onRename: (to: string) => void;
  onInputFields: (fields: Record<string, FieldSpec>, group?: string) => void;
  /** Opens an edge's form: a switch's conditions and a node's ports are edited there. */
  onSelectEdge: (index: number) => void;
  /** Downloads a table node's table as DMN; absent while the flow has unsaved changes. */
  downloadDmn?: (dmnVersion: '1.5' | '1.3') => Promise<void>;
}) {
  const base = `$.nodes[${index}]`;
  const at = (sub: string) => issuesAt(issues, `${base}.${sub}`);
  const [view, setView] = useState<'form' | 'json'>('form');
  const set = (patch: Record<string, unknown>, group?: string) => {
    const next: FlowNode = { ...node };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') delete next[k];
      else next[k] = v;
    }
    onChange(next, group);
  };
  const [idText, setIdText] = useState(node.id);
  useEffect(() => setIdText(node.id), [node.id]);
  const scoreNodes = definition.nodes.filter((n) => n.kind === 'score').map((n) => n.id);
  const switchTargets = definition.nodes.filter((n) => n.id !== node.id).map((n) => n.id);
  return (
    <div className="node-form">
      <div className="form-header">
        <div className="field">
          <label htmlFor="node-id">{t('Id')}</label>
          <input
            id="node-id"
            value={idText}
            onChange={(e) => setIdText(e.target.value)}
            onBlur={() => idText !== node.id && /^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(idText) && onRename(idText)}
            onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
          />
          {idText !== node.id && !/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(idText) ? (
            <p className="problem-text small">{t('ids start with a letter and hold letters, digits, _ and -')}</p>
          ) : null}
        </div>
        <TextField label={t('Label')} value={node.label ?? ''} onChange={(v) => set({ label: v }, 'label')} />
        <fieldset className="view-switch" aria-label={t('View')}>
          <button
            type="button"
            className={`btn btn-small ${view === 'form' ? 'btn-primary' : 'btn-secondary'}`}
            aria-pressed={view === 'form'}
            onClick={() => setView('form')}
          >
            {t('Form')}
          </button>
          <button
            type="button"
            className={`btn btn-small ${view === 'json' ? 'btn-primary' : 'btn-secondary'}`}
            aria-pressed={view === 'json'}
            onClick={() => setView('json')}
          >
            JSON
          </button>
        </fieldset>
      </div>
      <Problems issues={issues.filter((i) => i.path === base || i.path === `${base}.id`)} />
      {view === 'json' ? (
        <NodeJson node={node} onChange={onChange} onRename={onRename} />
      ) : (
        <KindForm
          node={node}
          set={set}
          at={at}
          base={base}
          names={names}
          catalog={catalog}
          scoreNodes={scoreNodes}
          switchTargets={switchTargets}
          definition={definition}
          onInputFields={onInputFields}
          issues={issues}
          downloadDmn={downloadDmn}
        />
      )}
      <OutgoingEdges definition={definition} from={node.id} onSelectEdge={onSelectEdge} />
    </div>
  );
}

/** Where the node leads, each edge a button to its form (the keyboard's way to a condition). */
function OutgoingEdges({ definition, from, onSelectEdge }: { definition: FlowDefinition; from: string; onSelectEdge: (i: number) => void }) {
  const out = definition.edges.map((e, i) => ({ e, i })).filter(({ e }) => e.from === from);
  if (!out.length) return null;
  return (
    <fieldset>
      <legend>{t('Leads to')}</legend>
      <ul className="plain">
        {out.map(({ e, i }) => (
          <li key={i}>
            <button type="button" className="linklike" onClick={() => onSelectEdge(i)}>
              {e.to}
            </button>{' '}
            <span className="muted small">
              {e.on
                ? t('on {{on}}', { on: e.on })
                : e.default
                  ? 'otherwise'
                  : e.when !== undefined
                    ? t('when {{value}}', { value: e.when || '(condition to write)' })
                    : ''}
            </span>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function KindForm({
  node,
  set,
  at,
  base,
  names,
  catalog,
  scoreNodes,
  switchTargets,
  definition,
  onInputFields,
  issues,
  downloadDmn,
}: {
  node: FlowNode;
  set: (patch: Record<string, unknown>, group?: string) => void;
  at: (sub: string) => LocatedIssue[];
  base: string;
  names: readonly string[];
  catalog: Catalog;
  scoreNodes: string[];
  switchTargets: string[];
  definition: FlowDefinition;
  onInputFields: (fields: Record<string, FieldSpec>, group?: string) => void;
  issues: readonly LocatedIssue[];
  downloadDmn?: (dmnVersion: '1.5' | '1.3') => Promise<void>;
}) {
  const str = (k: string) => (typeof node[k] === 'string' ? (node[k] as string) : '');
  const map = (k: string) => (node[k] ?? {}) as Record<string, string>;
  switch (node.kind) {
    case 'input':
      return (
        <InputFieldsForm
          fields={(definition.input?.fields ?? {}) as Record<string, FieldSpec>}
          onChange={onInputFields}
          issues={issues.filter((i) => i.path.startsWith('$.input'))}
        />
      );
    case 'expression':
      return (
        <FeelMap
          label={t('Assignments (in order; later ones see earlier ones)')}
          nameLabel="variable"
          entries={map('assign')}
          onChange={(v, g) => set({ assign: v }, g)}
          names={names}
          issues={at('assign')}
          base={`${base}.assign`}
        />
      );
    case 'table': {
      const dmn = node.dmn as { file?: string; model?: string; decision: string } | undefined;
      const chosen = catalog.dmnModels.find((m) => m.reference === dmn?.model);
      return (
        <>
          <TextField label={t('Output variable')} value={str('output')} onChange={(v) => set({ output: v }, 'output')} issues={at('output')} />
          <SelectField
            label={t('Rules from')}
            value={node.table ? 'inline' : 'dmn'}
            options={[
              { value: 'inline', label: t('a table in this flow') },
              { value: 'dmn', label: t('a decision of a stored DMN model') },
            ]}
            onChange={(v) =>
              v === 'inline'
                ? set({ dmn: undefined, table: { hitPolicy: 'UNIQUE', inputs: [{ expression: '' }], outputs: [{ name: 'result' }], rules: [] } })
                : set({ table: undefined, dmn: { model: catalog.dmnModels[0]?.reference ?? '', decision: catalog.dmnModels[0]?.tables[0] ?? '' } })
            }
          />
          {node.table ? (
            <>
              <TableForm table={node.table as TableSpec} onChange={(t, g) => set({ table: t }, g)} names={names} issues={at('table')} base={`${base}.table`} />
              {downloadDmn ? (
                <span className="row">
                  <ActionButton kind="secondary" onClick={() => downloadDmn('1.5')}>
                    {t('Download as DMN 1.5')}
                  </ActionButton>
                  <ActionButton kind="secondary" onClick={() => downloadDmn('1.3')}>
                    {t('Download as DMN 1.3 (Camunda Modeler)')}
                  </ActionButton>
                </span>
              ) : (
                <p className="muted small">{t('Save the draft to download this table as DMN.')}</p>
              )}
            </>
          ) : dmn?.file !== undefined ? (
            <p className="muted">
              {t('This node names a DMN file (')}
              {dmn.file}
              {t('), which only flows run by the CLI may; choose a stored model.')}
            </p>
          ) : (
            <>
              <SelectField
                label={t('DMN model')}
                value={dmn?.model ?? ''}
                options={['', ...new Set([...catalog.dmnModels.map((m) => m.reference), ...(dmn?.model ? [dmn.model] : [])])]}
                onChange={(v) => set({ dmn: { model: v, decision: catalog.dmnModels.find((m) => m.reference === v)?.tables[0] ?? '' } })}
                issues={at('dmn')}
              />
              <SelectField
                label={t('Decision')}
                value={dmn?.decision ?? ''}
                options={['', ...new Set([...(chosen?.tables ?? []), ...(dmn?.decision ? [dmn.decision] : [])])]}
                onChange={(v) => set({ dmn: { ...dmn, decision: v } })}
              />
              <p className="muted small">{t("The table's input expressions read the flow's variables by the names the model gives its input data.")}</p>
            </>
          )}
        </>
      );
    }
    case 'ruleset': {
      const rules = (node.rules ?? []) as RuleSpec[];
      const setRule = (i: number, r: RuleSpec, g?: string) => set({ rules: rules.map((x, k) => (k === i ? r : x)) }, g);
      return (
        <fieldset>
          <legend>{t('Rules (every one is checked; knock-outs win over refers)')}</legend>
          {rules.map((r, i) => (
            <div className="rule-card" key={i}>
              <div className="row">
                <TextField
                  label={t('Rule {{value}} code', { value: i + 1 })}
                  value={r.code}
                  onChange={(v) => setRule(i, { ...r, code: v }, `code-${i}`)}
                  issues={at(`rules[${i}].code`)}
                />
                <SelectField
                  label={t('Rule {{value}} severity', { value: i + 1 })}
                  value={r.severity}
                  options={(['knockout', 'refer', 'warning'] as const).map((v) => ({
                    value: v,
                    label: t({ knockout: tk('knockout'), refer: tk('refer'), warning: tk('warning') }[v]),
                  }))}
                  onChange={(v) => setRule(i, { ...r, severity: v })}
                />
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  aria-label={t('Remove rule {{value}}', { value: i + 1 })}
                  onClick={() => set({ rules: rules.filter((_, k) => k !== i) })}
                >
                  ×
                </button>
              </div>
              <FeelField
                label={t('Rule {{value}} when', { value: i + 1 })}
                value={r.when}
                onChange={(v) => setRule(i, { ...r, when: v }, `when-${i}`)}
                names={names}
                issues={at(`rules[${i}].when`)}
              />
              <TextField
                label={t('Rule {{value}} text', { value: i + 1 })}
                value={r.text}
                onChange={(v) => setRule(i, { ...r, text: v }, `text-${i}`)}
                issues={at(`rules[${i}].text`)}
              />
              <TextField
                label={t('Chinese text of rule {{value}}', { value: i + 1 })}
                value={r.texts?.['zh-CN'] ?? ''}
                onChange={(v) => setRule(i, { ...r, texts: withChinese(r.texts, v) }, `text-zh-${i}`)}
                issues={at(`rules[${i}].texts`)}
              />
            </div>
          ))}
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() => set({ rules: [...rules, { code: `KO_RULE${rules.length + 1}`, when: '', severity: 'knockout', text: '' }] })}
          >
            {t('Add rule')}
          </button>
          <Problems issues={at('rules').filter((i) => i.path === `${base}.rules`)} />
        </fieldset>
      );
    }
    case 'switch':
      return (
        <>
          <SelectField
            label={t('Mode')}
            value={str('mode') || 'first'}
            options={[
              { value: 'first', label: t('first: the first edge whose condition holds') },
              { value: 'all', label: t('all: every edge whose condition holds, then the join') },
            ]}
            onChange={(v) => set({ mode: v })}
          />
          {str('mode') === 'all' ? (
            <SelectField label={t('Join node')} value={str('join')} options={['', ...switchTargets]} onChange={(v) => set({ join: v })} issues={at('join')} />
          ) : null}
          <p className="muted small">{t('Conditions are written on the edges: select an edge leaving this switch.')}</p>
        </>
      );
    case 'subflow': {
      const flow = catalog.flows.find((f) => f.id === str('flow'));
      return (
        <>
          <SelectField
            label={t('Flow')}
            value={str('flow')}
            options={['', ...catalog.flows.filter((f) => f.id !== definition.id).map((f) => ({ value: f.id, label: `${f.name} (${f.id})` }))]}
            onChange={(v) => set({ flow: v })}
            issues={at('flow')}
          />
          <SelectField
            label={t('Version')}
            value={node.version === undefined ? '' : String(node.version)}
            options={[{ value: '', label: t('the live one') }, ...(flow?.liveVersion ? [String(flow.liveVersion)] : [])]}
            onChange={(v) => set({ version: v ? Number(v) : undefined })}
          />
          <FeelMap
            label={t('Inputs')}
            nameLabel="field"
            entries={map('inputs')}
            onChange={(v, g) => set({ inputs: v }, g)}
            names={names}
            issues={at('inputs')}
            base={`${base}.inputs`}
          />
          <TextField label={t('Output variable')} value={str('output')} onChange={(v) => set({ output: v }, 'output')} issues={at('output')} />
        </>
      );
    }
    case 'review':
      return (
        <>
          <TextField label={t('Reason shown to the reviewer')} value={str('reason')} onChange={(v) => set({ reason: v }, 'reason')} issues={at('reason')} />
          <TextField label={t('Queue')} value={str('queue')} onChange={(v) => set({ queue: v }, 'queue')} placeholder={t('default')} />
          <p className="muted small">{t('Leave on "approve" and "decline": the reviewer\'s verdict.')}</p>
        </>
      );
    case 'score':
      return (
        <>
          <SelectField
            label={t('Model')}
            value={str('model')}
            options={['', ...new Set([...catalog.models, ...(str('model') ? [str('model')] : [])])]}
            onChange={(v) => set({ model: v })}
            issues={at('model')}
          />
          <FeelMap
            label={t('Features (others are read from the variable of their name)')}
            nameLabel="feature"
            entries={map('features')}
            onChange={(v, g) => set({ features: Object.keys(v).length ? v : undefined }, g)}
            names={names}
            issues={at('features')}
            base={`${base}.features`}
          />
          <TextField label={t('Probability of default into')} value={str('output')} onChange={(v) => set({ output: v }, 'output')} issues={at('output')} />
          <TextField label={t('Points into (optional)')} value={str('points')} onChange={(v) => set({ points: v }, 'points')} />
          <TextField label={t('Reason codes into (optional)')} value={str('reasons')} onChange={(v) => set({ reasons: v }, 'reasons')} />
        </>
      );
    case 'bureau': {
      const connector = catalog.connectors.find((c) => c.reference === str('connector'));
      return (
        <>
          <SelectField
            label={t('Connector')}
            value={str('connector')}
            options={['', ...new Set([...catalog.connectors.map((c) => c.reference), ...(str('connector') ? [str('connector')] : [])])]}
            onChange={(v) => {
              const chosen = catalog.connectors.find((c) => c.reference === v);
              const inputs = map('inputs');
              set({ connector: v, inputs: chosen ? Object.fromEntries(chosen.inputs.map((k) => [k, inputs[k] ?? (names.includes(k) ? k : '')])) : inputs });
            }}
            issues={at('connector')}
          />
          {connector ? (
            <p className="muted small">
              {t('Needs consent "')}
              {connector.consentScope}
              {t('"; maps')} {connector.features.join(', ')}.
            </p>
          ) : null}
          <FeelMap
            label={t('Inputs')}
            nameLabel="input"
            entries={map('inputs')}
            onChange={(v, g) => set({ inputs: v }, g)}
            names={names}
            issues={at('inputs')}
            base={`${base}.inputs`}
            fixedNames={connector?.inputs}
          />
          <TextField label={t('Features into')} value={str('output')} onChange={(v) => set({ output: v }, 'output')} issues={at('output')} />
          <p className="muted small">{t('Leave on "ok" and "failure" (or a failure code: no_consent, timeout, …).')}</p>
        </>
      );
    }
    case 'optimize':
      return (
        <>
          <FeelMap
            label={t('Valuation inputs')}
            nameLabel="input"
            entries={map('inputs')}
            onChange={(v, g) => set({ inputs: v }, g)}
            names={names}
            issues={at('inputs')}
            base={`${base}.inputs`}
            fixedNames={['pd', 'amount', 'term', 'income', 'debt']}
          />
          <StrategyFields
            value={node.strategy}
            onChange={(v, g) => set({ strategy: v }, g ? `strategy.${g}` : 'strategy')}
            issues={issues}
            base={`${base}.strategy`}
          />
          <TextField label={t('Offer into')} value={str('output')} onChange={(v) => set({ output: v }, 'output')} issues={at('output')} />
        </>
      );
    case 'output': {
      const reasons = (node.reasons ?? []) as ReasonSpec[];
      const setReasons = (r: ReasonSpec[], g?: string) => set({ reasons: r.length ? r : undefined }, g);
      return (
        <>
          <SelectField
            label={t('Outcome')}
            value={str('outcome')}
            options={(['approve', 'decline', 'refer'] as const).map((v) => ({
              value: v,
              label: t({ approve: tk('approve'), decline: tk('decline'), refer: tk('refer') }[v]),
            }))}
            onChange={(v) => set({ outcome: v })}
            issues={at('outcome')}
          />
          <fieldset>
            <legend>{t('Reasons')}</legend>
            {reasons.map((r, i) => (
              <div className="row" key={i}>
                <TextField
                  label={t('Reason {{value}} code', { value: i + 1 })}
                  value={r.code}
                  onChange={(v) =>
                    setReasons(
                      reasons.map((x, k) => (k === i ? { ...x, code: v } : x)),
                      `rc-${i}`,
                    )
                  }
                />
                <TextField
                  label={t('Reason {{value}} text', { value: i + 1 })}
                  value={r.text}
                  onChange={(v) =>
                    setReasons(
                      reasons.map((x, k) => (k === i ? { ...x, text: v } : x)),
                      `rt-${i}`,
                    )
                  }
                />
                <TextField
                  label={t('Chinese text of reason {{value}}', { value: i + 1 })}
                  value={r.texts?.['zh-CN'] ?? ''}
                  onChange={(v) =>
                    setReasons(
                      reasons.map((x, k) => (k === i ? { ...x, texts: withChinese(x.texts, v) } : x)),
                      `rt-zh-${i}`,
                    )
                  }
                />
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  aria-label={t('Remove reason {{value}}', { value: i + 1 })}
                  onClick={() => setReasons(reasons.filter((_, k) => k !== i))}
                >
                  ×
                </button>
              </div>
            ))}
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setReasons([...reasons, { code: '', text: '' }])}>
              {t('Add reason')}
            </button>
            <Problems issues={at('reasons')} />
          </fieldset>
          {scoreNodes.length ? (
            <SelectField
              label={t('Model reasons from')}
              value={str('modelReasons')}
              options={[{ value: '', label: t('none') }, ...scoreNodes]}
              onChange={(v) => set({ modelReasons: v })}
              issues={at('modelReasons')}
            />
          ) : null}
          <FeelMap
            label={t('Offer')}
            nameLabel="offer field"
            entries={map('offer')}
            onChange={(v, g) => set({ offer: Object.keys(v).length ? v : undefined }, g)}
            names={names}
            issues={at('offer')}
            base={`${base}.offer`}
          />
        </>
      );
    }
    default:
      return (
        <p className="muted">
          {t('No form for the kind')} {node.kind}
          {t('; edit it as JSON.')}
        </p>
      );
  }
}

/** A value edited as JSON text; applied when it parses. */
/** The strategy as a form, or as JSON for what the form does not show. */
function StrategyFields({
  value,
  onChange,
  issues,
  base,
}: {
  value: unknown;
  onChange: (v: unknown, group?: string) => void;
  issues: readonly LocatedIssue[];
  base: string;
}) {
  const [json, setJson] = useState(false);
  return (
    <>
      {json ? (
        <JsonField label={t('Strategy (see docs/optimize.md)')} value={value} onChange={(v) => onChange(v)} issues={issuesAt(issues, base)} />
      ) : (
        <StrategyForm value={value} onChange={onChange} issues={issues} base={base} />
      )}
      <button type="button" className="btn btn-secondary btn-small" aria-pressed={json} onClick={() => setJson(!json)}>
        {json ? t('Edit the strategy as a form') : t('Edit the strategy as JSON')}
      </button>
    </>
  );
}

export function JsonField({
  label,
  value,
  onChange,
  issues = [],
}: {
  label: string;
  value: unknown;
  onChange: (v: unknown) => void;
  issues?: readonly LocatedIssue[];
}) {
  const [text, setText] = useState(() => JSON.stringify(value ?? {}, null, 2));
  const [error, setError] = useState<string | null>(null);
  const shown = JSON.stringify(value ?? {}, null, 2);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change from outside (undo, the form) replaces the text
  useEffect(() => {
    try {
      if (JSON.stringify(JSON.parse(text)) !== JSON.stringify(value ?? {})) setText(shown);
    } catch {
      // The analyst is typing; keep their text until it parses.
    }
  }, [shown]);
  return (
    <div className="field">
      <label>
        {label}
        <textarea
          className="json-edit"
          spellCheck={false}
          rows={Math.min(24, text.split('\n').length + 1)}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            try {
              onChange(JSON.parse(e.target.value));
              setError(null);
            } catch (err) {
              setError((err as Error).message);
            }
          }}
        />
      </label>
      {error ? (
        <p className="problem-text small">
          {t('Not applied:')} {error}
        </p>
      ) : null}
      <Problems issues={issues} />
    </div>
  );
}

/** The node as JSON, for what the form does not show; an id change renames the node everywhere. */
function NodeJson({ node, onChange, onRename }: { node: FlowNode; onChange: Change; onRename: (to: string) => void }) {
  return (
    <JsonField
      label={t('Node JSON')}
      value={node}
      onChange={(v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return;
        const next = v as FlowNode;
        if (typeof next.id === 'string' && next.id !== node.id) onRename(next.id);
        else onChange(next, 'json');
      }}
    />
  );
}
