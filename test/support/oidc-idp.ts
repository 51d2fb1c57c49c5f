import { createServer, type Server as HttpServer } from 'node:http';
import Provider from 'oidc-provider';
import type { OidcSettings } from '../../src/services/index.ts';

/** People at the test's identity provider, by login, with the groups it says they are in. */
export const IDP_PEOPLE: Record<string, { name: string; email: string; groups: string[] }> = {
  rita: { name: 'Rita Risk', email: 'rita@lender.test', groups: ['staff', 'credit-risk'] },
  alan: { name: 'Alan Analyst', email: 'alan@lender.test', groups: ['credit-analysts'] },
  nora: { name: 'Nora Marketing', email: 'nora@lender.test', groups: ['marketing'] },
};

const TEST_REDIRECT = 'http://arbiter.test/v1/auth/oidc/callback';

/**
 * A real OpenID Connect provider (panva's oidc-provider) on a free port, with its development
 * log-in and consent pages: any password is accepted for the people above. Groups are not in
 * the ID token (as with many providers); they come from the userinfo endpoint.
 */
export async function startIdentityProvider(
  redirect = TEST_REDIRECT,
): Promise<{ issuer: string; settings(overrides?: Partial<OidcSettings>): OidcSettings; env: Record<string, string>; stop(): Promise<void> }> {
  const http: HttpServer = createServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'arbiter-console',
        client_secret: 'a-test-secret-that-is-long-enough-for-hs256-0123456789',
        redirect_uris: [redirect],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    async findAccount(_ctx, id) {
      const person = IDP_PEOPLE[id];
      return person ? { accountId: id, claims: async () => ({ sub: id, ...person }) } : undefined;
    },
    claims: { openid: ['sub'], email: ['email'], profile: ['name', 'groups'] },
    cookies: { keys: ['test-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
  });
  http.on('request', provider.callback());
  return {
    issuer,
    settings: (overrides = {}) => ({
      issuer,
      clientId: 'arbiter-console',
      clientSecret: 'a-test-secret-that-is-long-enough-for-hs256-0123456789',
      redirectUrl: redirect,
      groupsClaim: 'groups',
      groupRoles: [
        ['credit-risk', 'risk-manager'],
        ['credit-analysts', 'analyst'],
      ],
      sessionSeconds: 3600,
      consoleUrl: new URL('/console/', redirect).toString(),
      ...overrides,
    }),
    /** The same settings as a server process reads them. */
    env: {
      ARBITER_OIDC_ISSUER: issuer,
      ARBITER_OIDC_CLIENT_ID: 'arbiter-console',
      ARBITER_OIDC_CLIENT_SECRET: 'a-test-secret-that-is-long-enough-for-hs256-0123456789',
      ARBITER_OIDC_REDIRECT_URL: redirect,
      ARBITER_OIDC_GROUP_ROLES: JSON.stringify({ 'credit-risk': 'risk-manager', 'credit-analysts': 'analyst' }),
    },
    stop: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}

/**
 * A browser's part of signing in, with fetch and a cookie jar: follows the provider's redirects,
 * logs in as `login` and consents on its pages, and stops at the redirect back to Arbiter,
 * whose query string it returns.
 */
export async function loginAtProvider(authorizationUrl: string, login: string, redirect = TEST_REDIRECT): Promise<string> {
  const jar = new Map<string, string>();
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let url = authorizationUrl;
  for (let step = 0; step < 20; step++) {
    if (url.startsWith(redirect)) return url.slice(url.indexOf('?') + 1);
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: cookie() } });
    remember(res);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url).toString();
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`the provider answered ${res.status} without a form: ${html.slice(0, 300)}`);
    const form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
    const posted = await fetch(new URL(action, url), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    remember(posted);
    if (posted.status < 300 || posted.status >= 400)
      throw new Error(`the provider's ${prompt} page answered ${posted.status}: ${(await posted.text()).slice(0, 300)}`);
    url = new URL(posted.headers.get('location')!, url).toString();
  }
  throw new Error('too many steps at the identity provider');
}
