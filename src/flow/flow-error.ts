/** A problem with a flow definition, pointing at the JSON path it concerns. */
export interface FlowIssue {
  path: string;
  message: string;
  code: string;
}

export class FlowError extends Error {
  constructor(
    readonly code: string,
    readonly issues: FlowIssue[],
  ) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.name = 'FlowError';
  }
}

export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(String(p)) ? `.${String(p)}` : `[${JSON.stringify(String(p))}]`;
  return out;
}
