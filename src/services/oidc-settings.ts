import { ROLES, type Role } from '../privacy/index.ts';

/** Single sign-on through an OpenID Connect provider, for people using the console. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: this server's /v1/auth/oidc/callback, as the provider has it registered. */
  redirectUrl: string;
  /** The claim that lists a person's groups. */
  groupsClaim: string;
  /** Provider group → Arbiter role, in order: a person in several mapped groups acts in the first's role. */
  groupRoles: [string, Role][];
  /** How long a console session lasts. */
  sessionSeconds: number;
  /** Where the console is, to send the browser to after signing in or out. */
  consoleUrl: string;
}

/**
 * From ARBITER_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _REDIRECT_URL, _GROUPS_CLAIM and
 * _GROUP_ROLES (JSON: {"group": "role", ...}), and ARBITER_SESSION_HOURS; null without an issuer.
 * A setting that is wrong stops the server with what to fix.
 */
export function oidcFromEnv(env: NodeJS.ProcessEnv = process.env): OidcSettings | null {
  const issuer = env.ARBITER_OIDC_ISSUER;
  if (!issuer) return null;
  const need = (name: string) => {
    const v = env[name];
    if (!v) throw new Error(`${name} is needed when ARBITER_OIDC_ISSUER is set`);
    return v;
  };
  let mapping: unknown;
  try {
    mapping = JSON.parse(need('ARBITER_OIDC_GROUP_ROLES'));
  } catch (err) {
    throw new Error(`ARBITER_OIDC_GROUP_ROLES must be JSON such as {"credit-risk": "risk-manager"}: ${(err as Error).message}`);
  }
  if (!mapping || typeof mapping !== 'object' || Array.isArray(mapping)) throw new Error('ARBITER_OIDC_GROUP_ROLES must be a JSON object of group to role');
  const groupRoles: [string, Role][] = [];
  for (const [group, role] of Object.entries(mapping as Record<string, unknown>)) {
    if (!(ROLES as readonly unknown[]).includes(role) || role === 'service')
      throw new Error(
        `ARBITER_OIDC_GROUP_ROLES: group "${group}" maps to "${String(role)}"; people's roles are ${ROLES.filter((r) => r !== 'service').join(', ')}`,
      );
    groupRoles.push([group, role as Role]);
  }
  const hours = Number(env.ARBITER_SESSION_HOURS || 8);
  if (!(hours > 0 && hours <= 24 * 7)) throw new Error(`ARBITER_SESSION_HOURS must be a number of hours up to 168, got "${env.ARBITER_SESSION_HOURS}"`);
  const redirectUrl = need('ARBITER_OIDC_REDIRECT_URL');
  return {
    issuer,
    clientId: need('ARBITER_OIDC_CLIENT_ID'),
    clientSecret: need('ARBITER_OIDC_CLIENT_SECRET'),
    redirectUrl,
    groupsClaim: env.ARBITER_OIDC_GROUPS_CLAIM || 'groups',
    groupRoles,
    sessionSeconds: Math.round(hours * 3600),
    consoleUrl: new URL('/console/', redirectUrl).toString(),
  };
}
