import { blindIndex, type KeyProvider } from './key-provider.ts';
import { newDataKey, openJson, sealJson } from './envelope.ts';
import { maskFor, maskValue, type MaskKind } from './masking.ts';

export type DataClass = 'C1' | 'C2' | 'C3';

export interface FieldPolicy {
  class?: DataClass;
  mask?: MaskKind;
  search?: boolean;
}

export interface SealedApplication {
  /** C1 fields in clear: the non-personal features that outlive erasure. */
  c1: Record<string, unknown>;
  /** C2 fields, encrypted; null when there were none. */
  c2: Buffer | null;
  /** The trace, encrypted (it holds the values nodes read), with C3 values removed first. */
  trace: Buffer | null;
  /** C3 fields that came with the request and were not stored. */
  dropped: string[];
  dataKey: { id: string; version: number; wrapped: Buffer };
  search: { field: string; digest: string }[];
}

export const DROPPED = '[C3: not stored]';

/** Replaces every occurrence of the given values inside a JSON-like tree. */
function scrub(value: unknown, secrets: Set<unknown>): unknown {
  if (secrets.size === 0) return value;
  if (secrets.has(value)) return DROPPED;
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = scrub(v, secrets);
    return out;
  }
  return value;
}

export const aad = {
  application: (decisionId: string) => `decisions.application_c2:${decisionId}`,
  trace: (decisionId: string) => `decisions.trace_enc:${decisionId}`,
  statement: (contestId: string) => `contests.statement_sealed:${contestId}`,
  reviewNote: (reviewId: string) => `reviews.note:${reviewId}`,
  overrideNote: (decisionId: string) => `decisions.override_note:${decisionId}`,
};

/** How a sealed note is stored in a text column: this prefix, then the ciphertext in base64. */
const SEALED_NOTE = 'sealed:v1:';

/** What a reader sees of a note whose application's personal data was erased. */
export const ERASED_NOTE = '[erased with the personal data]';

/** What the stored result shows of an offer field computed from personal data; its value is in the sealed trace. */
export const SEALED_OFFER = '[personal: sealed in the trace]';

/**
 * A decision's output as it is stored in clear: offer fields computed from personal data
 * (class C2 or C3 by derivation) are replaced by a marker; their values live only in the
 * sealed trace, and go with the data key on erasure.
 */
export function protectOutput<T extends { offer: Record<string, unknown> }>(output: T, classes: ReadonlyMap<string, DataClass>): T {
  let offer: Record<string, unknown> | null = null;
  for (const [field, value] of Object.entries(output.offer)) {
    const c = classes.get(field);
    if ((c === 'C2' || c === 'C3') && value !== null && value !== undefined) (offer ??= { ...output.offer })[field] = SEALED_OFFER;
  }
  return offer ? { ...output, offer } : output;
}

/**
 * Splits an application by personal-data class and protects it: C3 dropped (and scrubbed
 * from the trace), C2 sealed with a fresh data key bound to this decision, C1 kept in clear.
 */
export class ApplicationVault {
  constructor(readonly keys: KeyProvider) {}

  seal(decisionId: string, dataKeyId: string, fields: Record<string, FieldPolicy>, application: Record<string, unknown>, trace: unknown): SealedApplication {
    const c1: Record<string, unknown> = {};
    const c2: Record<string, unknown> = {};
    const dropped: string[] = [];
    const c3Values = new Set<unknown>();
    const search: { field: string; digest: string }[] = [];
    for (const [name, value] of Object.entries(application)) {
      // A field without a class is treated as the most sensitive that is still stored.
      const cls = fields[name]?.class ?? 'C2';
      if (cls === 'C3') {
        dropped.push(name);
        if (value !== null && value !== undefined && typeof value !== 'boolean') c3Values.add(value);
      } else if (cls === 'C2') {
        c2[name] = value;
        if (fields[name]?.search && typeof value === 'string') search.push({ field: name, digest: blindIndex(this.keys.indexKey, name, value) });
      } else c1[name] = value;
    }
    for (const name of dropped) c1[name] = DROPPED;
    const key = newDataKey();
    const wrapped = this.keys.wrap(key, dataKeyId);
    const sealed: SealedApplication = {
      c1,
      c2: Object.keys(c2).length ? sealJson(key, c2, aad.application(decisionId)) : null,
      // Without C3 values there is nothing to scrub, and the trace is sealed as it is.
      trace:
        trace === null || trace === undefined
          ? null
          : sealJson(key, c3Values.size ? scrub(JSON.parse(JSON.stringify(trace)), c3Values) : trace, aad.trace(decisionId)),
      dropped,
      dataKey: { id: dataKeyId, ...wrapped },
      search,
    };
    key.fill(0);
    return sealed;
  }

  dataKey(id: string, version: number, wrapped: Buffer): Buffer {
    return this.keys.unwrap(version, wrapped, id);
  }

  openApplication(key: Buffer, decisionId: string, c1: Record<string, unknown>, c2: Buffer | null): Record<string, unknown> {
    const personal = c2 ? openJson<Record<string, unknown>>(key, c2, aad.application(decisionId)) : {};
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(c1)) if (v !== DROPPED) out[k] = v;
    return { ...out, ...personal };
  }

  sealTrace(key: Buffer, decisionId: string, trace: unknown): Buffer {
    return sealJson(key, trace, aad.trace(decisionId));
  }

  /** An applicant's own words when contesting, sealed with their application's key. */
  sealStatement(key: Buffer, contestId: string, statement: string): Buffer {
    return sealJson(key, { statement }, aad.statement(contestId));
  }

  /**
   * A person's free text about an application (a review note, an override note): it may name
   * the applicant or their circumstances, so it is sealed with the application's data key and
   * goes when that key is destroyed. Stored as text, so the columns that hold notes keep their type.
   */
  sealNote(key: Buffer, associatedData: string, note: string): string {
    return SEALED_NOTE + sealJson(key, { note }, associatedData).toString('base64');
  }

  /** A stored note in clear: notes written before sealing are returned as they are; with no key (erased), a placeholder. */
  openNote(key: Buffer | null, associatedData: string, stored: string): string {
    if (!stored.startsWith(SEALED_NOTE)) return stored;
    if (!key) return ERASED_NOTE;
    return openJson<{ note: string }>(key, Buffer.from(stored.slice(SEALED_NOTE.length), 'base64'), associatedData).note;
  }

  openTrace(key: Buffer, decisionId: string, trace: Buffer | null): unknown {
    return trace ? openJson(key, trace, aad.trace(decisionId)) : null;
  }
}

/** C2 values masked; C1 shown; C3 shown as dropped. */
export function maskApplication(application: Record<string, unknown>, fields: Record<string, FieldPolicy>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(application)) {
    const policy = fields[name];
    const cls = policy?.class ?? 'C2';
    out[name] = cls === 'C2' ? maskValue(value, policy?.mask ?? maskFor(name)) : value;
  }
  return out;
}

/** Masks C2 input values wherever the trace shows what a node read or wrote. */
export function maskTrace(trace: unknown, fields: Record<string, FieldPolicy>, derived: ReadonlyMap<string, DataClass> = new Map()): unknown {
  if (!Array.isArray(trace)) return trace;
  // Input fields by their own class; values computed from them by the class they inherit.
  const personal = (k: string) => (fields[k] ? (fields[k]!.class ?? 'C2') === 'C2' : derived.get(k) === 'C2' || derived.get(k) === 'C3');
  const maskIn = (vars: Record<string, unknown> | undefined) => {
    if (!vars) return vars;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(vars)) out[k] = personal(k) ? maskValue(v, fields[k]?.mask ?? maskFor(k)) : v;
    return out;
  };
  return trace.map((e: { read?: Record<string, unknown>; wrote?: Record<string, unknown> }) => ({ ...e, read: maskIn(e.read), wrote: maskIn(e.wrote) }));
}
