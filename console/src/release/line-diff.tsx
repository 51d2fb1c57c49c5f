import { t } from '../i18n/i18n.ts';
import { diffLines } from 'diff';
import { useMemo } from 'react';

/** Lines of unchanged text kept around each change, as `diff -u` keeps them. */
const CONTEXT = 3;

type Row = { kind: 'same' | 'added' | 'removed'; old: number | null; new: number | null; text: string } | { kind: 'skip'; lines: number };

const linesOf = (value: string) => {
  const lines = value.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
};

/** The rows of a unified diff: changed lines with their numbers, and long unchanged runs folded. */
export function diffRows(before: string, after: string): { rows: Row[]; added: number; removed: number } {
  const rows: Row[] = [];
  let oldNo = 1;
  let newNo = 1;
  let added = 0;
  let removed = 0;
  const parts = diffLines(before, after);
  parts.forEach((part, i) => {
    const lines = linesOf(part.value);
    if (part.added) {
      for (const text of lines) rows.push({ kind: 'added', old: null, new: newNo++, text });
      added += lines.length;
    } else if (part.removed) {
      for (const text of lines) rows.push({ kind: 'removed', old: oldNo++, new: null, text });
      removed += lines.length;
    } else {
      // Context after the change before it, and before the change after it; the rest is folded.
      const head = i === 0 ? 0 : CONTEXT;
      const tail = i === parts.length - 1 ? 0 : CONTEXT;
      const keep = (k: number) => k < head || k >= lines.length - tail;
      let skipped = 0;
      lines.forEach((text, k) => {
        if (keep(k)) {
          if (skipped) rows.push({ kind: 'skip', lines: skipped });
          skipped = 0;
          rows.push({ kind: 'same', old: oldNo, new: newNo, text });
        } else skipped++;
        oldNo++;
        newNo++;
      });
      if (skipped) rows.push({ kind: 'skip', lines: skipped });
    }
  });
  return { rows, added, removed };
}

/** Two texts compared line by line, as an approver reads a change to a file. */
export function LineDiff({ before, after, label }: { before: string; after: string; label: string }) {
  const { rows, added, removed } = useMemo(() => diffRows(before, after), [before, after]);
  if (!added && !removed) return <p>{t('The files are the same, line for line.')}</p>;
  return (
    <>
      <p className="small">
        <span className="badge badge-approve">+{added}</span> <span className="badge badge-decline">−{removed}</span> {t('lines')}
      </p>
      <div className="line-diff-scroll">
        <table className="line-diff" aria-label={label}>
          <tbody>
            {rows.map((r, i) =>
              r.kind === 'skip' ? (
                <tr key={i} className="line-skip">
                  <td colSpan={4}>
                    … {r.lines} {t('unchanged lines')}
                  </td>
                </tr>
              ) : (
                <tr key={i} className={`line-${r.kind}`}>
                  <td className="line-no">{r.old ?? ''}</td>
                  <td className="line-no">{r.new ?? ''}</td>
                  <td className="line-sign">{r.kind === 'added' ? '+' : r.kind === 'removed' ? '−' : ' '}</td>
                  <td>
                    <code>{r.text}</code>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
