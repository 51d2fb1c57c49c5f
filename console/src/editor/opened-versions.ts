import type { FlowVersion } from '../types.ts';

/**
 * The flow version a page showed last, so that "Edit" opens it without asking the server again.
 * Only the exact version the page had, and only once: the editor then works on its own copy.
 */
let shown: FlowVersion | null = null;

export function rememberShownVersion(v: FlowVersion): void {
  shown = v;
}

export function takeShownVersion(flowId: string, version: number): FlowVersion | null {
  const v = shown && shown.flowId === flowId && shown.version === version ? shown : null;
  shown = null;
  return v;
}
