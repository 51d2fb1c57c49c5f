/** How a C2 value is shown to a role that may not see it. */
export const MASKS = ['phone', 'nationalId', 'name', 'email', 'account', 'full'] as const;
export type MaskKind = (typeof MASKS)[number];

/** The mask a field gets when it declares none, from its name. */
export function maskFor(field: string): MaskKind {
  const f = field.toLowerCase();
  if (/phone|mobile|tel/.test(f)) return 'phone';
  if (/nationalid|idnumber|ssn|passport|identity/.test(f)) return 'nationalId';
  if (/email/.test(f)) return 'email';
  if (/account|card|iban/.test(f)) return 'account';
  if (/name/.test(f)) return 'name';
  return 'full';
}

function stars(n: number): string {
  return '*'.repeat(Math.max(1, n));
}

export function maskValue(value: unknown, kind: MaskKind): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value !== 'string') return '***';
  const s = value;
  switch (kind) {
    case 'phone':
      return s.length <= 7 ? stars(s.length) : `${s.slice(0, 3)}${stars(s.length - 7)}${s.slice(-4)}`;
    case 'nationalId':
      return s.length <= 10 ? stars(s.length) : `${s.slice(0, 6)}${stars(s.length - 10)}${s.slice(-4)}`;
    case 'name':
      return `${[...s][0] ?? ''}${stars([...s].length - 1)}`;
    case 'email': {
      const at = s.indexOf('@');
      return at < 1 ? '***' : `${s[0]}***${s.slice(at)}`;
    }
    case 'account':
      return s.length <= 4 ? stars(s.length) : `${stars(s.length - 4)}${s.slice(-4)}`;
    default:
      return '***';
  }
}
