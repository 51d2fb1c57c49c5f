/** Who may do what is decided per route from these roles; a key has exactly one. */
export const ROLES = ['admin', 'risk-manager', 'analyst', 'reviewer', 'auditor', 'service'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
