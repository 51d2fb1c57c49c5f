import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, forceLinting, linter, lintGutter } from '@codemirror/lint';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderText } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { get, post } from '../api.ts';
import { feelLanguage } from './feel-language.ts';

interface BuiltinFunction {
  name: string;
  params: string[];
  overloads: string[][];
}

let functions: Promise<BuiltinFunction[]> | null = null;
/** The built-ins, asked of the server once per page: the engine's own list, so completion never offers what it lacks. */
function builtinFunctions(): Promise<BuiltinFunction[]> {
  functions ??= get<{ functions: BuiltinFunction[] }>('/v1/feel/functions').then(
    (r) => r.functions,
    () => [],
  );
  return functions;
}

export interface FeelProblem {
  message: string;
  line?: number;
  column?: number;
}

/** The name an "undefined variable" message is about, so the editor can underline it where it is written. */
const UNDEFINED = /^"([^"]+)" is not an input field/;

/** A problem's place in the text: at its line and column, or at the name it is about, else the whole text. */
function rangeOf(doc: EditorState['doc'], p: FeelProblem): { from: number; to: number } {
  if (p.line && p.column && p.line <= doc.lines) {
    const line = doc.line(p.line);
    // An error at the end of the text ("income +") is about what came last: underline that.
    const from = Math.max(line.from, Math.min(line.from + p.column - 1, line.to - 1));
    const word = /^[\w.]+/.exec(doc.sliceString(from, line.to));
    return { from, to: Math.max(from + (word?.[0].length ?? 1), from + 1) };
  }
  const name = UNDEFINED.exec(p.message)?.[1];
  const text = doc.toString();
  if (name) {
    const at = text.search(new RegExp(`(?<![\\w.])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`));
    if (at >= 0) return { from: at, to: at + name.length };
  }
  return { from: 0, to: Math.max(1, text.length) };
}

/**
 * A FEEL field: coloured, completing the variables in scope and the built-ins with their
 * parameters, and underlining errors where they are, both the syntax the server finds as the
 * analyst types and the flow's own findings (undefined variables) passed in `problems`.
 */
export function FeelEditor({
  value,
  onChange,
  label,
  names,
  problems = [],
  kind = 'expression',
  placeholder,
}: {
  value: string;
  onChange: (text: string) => void;
  label: string;
  names: readonly string[];
  problems?: readonly FeelProblem[];
  kind?: 'expression' | 'unary-tests';
  placeholder?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const labelling = useRef(new Compartment());
  const latest = useRef({ onChange, names, problems, kind });
  latest.current = { onChange, names, problems, kind };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the view is made once; what changes is read through `latest`
  useEffect(() => {
    const complete = async (ctx: CompletionContext): Promise<CompletionResult | null> => {
      const word = ctx.matchBefore(/[A-Za-z_][\w.]*/);
      if (!word && !ctx.explicit) return null;
      const options: Completion[] = [
        ...latest.current.names.map((n) => ({ label: n, type: 'variable', boost: 2 })),
        ...(await builtinFunctions()).map((f) => ({
          label: f.name,
          type: 'function',
          detail: `(${f.params.join(', ')})`,
          info: f.overloads.length ? `also: ${f.overloads.map((o) => `(${o.join(', ')})`).join(' ')}` : undefined,
          apply: `${f.name}(`,
        })),
      ];
      return { from: word?.from ?? ctx.pos, options, validFor: /^[\w.]*$/ };
    };
    const lint = linter(
      async (v): Promise<Diagnostic[]> => {
        const text = v.state.doc.toString();
        const found: Diagnostic[] = latest.current.problems.map((p) => ({ ...rangeOf(v.state.doc, p), severity: 'error', message: p.message }));
        if (!text.trim()) return found;
        try {
          const r = await post<{ ok: boolean; error: { message: string; line: number; column: number } | null }>('/v1/feel/check', {
            text,
            kind: latest.current.kind,
          });
          if (r.error && !latest.current.problems.some((p) => p.line === r.error!.line && p.column === r.error!.column))
            found.push({ ...rangeOf(v.state.doc, r.error), severity: 'error', message: r.error.message });
        } catch {
          // The check is a help; when the server cannot be asked, the flow's checks still report.
        }
        return found;
      },
      { delay: 250 },
    );
    view.current = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          feelLanguage,
          syntaxHighlighting(defaultHighlightStyle),
          autocompletion({ override: [complete], activateOnTyping: true }),
          lint,
          lintGutter(),
          placeholderText(placeholder ?? ''),
          EditorView.lineWrapping,
          labelling.current.of(EditorView.contentAttributes.of({ 'aria-label': label })),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString());
          }),
        ],
      }),
    });
    return () => view.current?.destroy();
  }, []);

  // Undo in the flow editor, or another form, changed the text: show it without moving focus.
  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  // The field was renamed (an assignment's variable): screen readers hear the new name.
  useEffect(() => {
    view.current?.dispatch({ effects: labelling.current.reconfigure(EditorView.contentAttributes.of({ 'aria-label': label })) });
  }, [label]);

  // New findings from the flow's checks: ask the linter to run again.
  const problemKey = problems.map((p) => `${p.line}:${p.column}:${p.message}`).join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the problems' content
  useEffect(() => {
    if (view.current) forceLinting(view.current);
  }, [problemKey]);

  return <div className="feel-editor" ref={host} data-feel-editor={label} />;
}
