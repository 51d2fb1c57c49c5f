/** A problem with a flow definition, pointing at the JSON path it concerns. */
export interface FlowIssue {
  path: string;
  message: string;
  code: string;
  /** For a FEEL syntax error: where in the expression, 1-based. */
  line?: number;
  column?: number;
}

const MESSAGE_ISSUES = 10;

export class FlowError extends Error {
  constructor(
    readonly code: string,
    readonly issues: FlowIssue[],
  ) {
    // A broken flow of thousands of nodes has thousands of issues; the message names the first
    // ones and the count, and `issues` keeps them all.
    const shown = issues.slice(0, MESSAGE_ISSUES).map((i) => `${i.path}: ${i.message}`);
    if (issues.length > MESSAGE_ISSUES) shown.push(`and ${issues.length - MESSAGE_ISSUES} more issues`);
    super(shown.join('; '));
    this.name = 'FlowError';
  }
}

export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(String(p)) ? `.${String(p)}` : `[${JSON.stringify(String(p))}]`;
  return out;
}
