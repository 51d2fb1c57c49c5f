/**
 * Names of fields that hold personal data (C2 and C3). Flows register theirs when they are
 * compiled; a few common names are known from the start. The log formatter removes the
 * values of these fields wherever they appear in a log object, however deep.
 */
const personalFields = new Set([
  'password',
  'pin',
  'cvv',
  'cardNumber',
  'nationalId',
  'phone',
  'email',
  'fullName',
  'applicantName',
  'authorization',
  'secret',
]);

export function registerPersonalFields(names: Iterable<string>): void {
  for (const n of names) personalFields.add(n);
}

export const REDACTED = '[personal data removed]';

/**
 * Copies plain objects and arrays with personal fields removed. Other objects (a request, a
 * reply, an error) are left to the logger's serializers, which pick what they show: copying
 * them here would keep only their own enumerable fields and lose the method, path and status.
 */
export function scrubPersonalData(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return value;
  if (Array.isArray(value)) return value.map((v) => scrubPersonalData(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = personalFields.has(k) ? REDACTED : k === 'application' ? REDACTED : scrubPersonalData(v, depth + 1);
  }
  return out;
}
