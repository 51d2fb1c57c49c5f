import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listAudit } from '../../src/store/index.ts';
import { SERVER_BACKENDS, type TestDatabase } from '../support/backends.ts';
import { loginAtProvider, startIdentityProvider } from '../support/oidc-idp.ts';
import { testServer } from '../support/server.ts';
import type { Server } from '../../src/api/index.ts';

type Idp = Awaited<ReturnType<typeof startIdentityProvider>>;

/** Signs `login` in the way a browser would; returns the redirect Arbiter answered with and its session cookie. */
async function signIn(server: Server, login: string): Promise<{ location: string; cookie: string | null }> {
  const start = await server.app.inject({ method: 'GET', url: '/v1/auth/oidc/login' });
  assert.equal(start.statusCode, 302, start.body);
  const back = await loginAtProvider(start.headers.location as string, login);
  const done = await server.app.inject({ method: 'GET', url: `/v1/auth/oidc/callback?${back}` });
  assert.equal(done.statusCode, 302, done.body);
  const set = done.headers['set-cookie'];
  const cookie = set ? String(Array.isArray(set) ? set[0] : set).split(';')[0]! : null;
  return { location: done.headers.location as string, cookie };
}

for (const backend of SERVER_BACKENDS) {
  describe(`single sign-on through OpenID Connect on ${backend.name}`, () => {
    let idp: Idp;
    let ctx: TestDatabase;
    let server: Server;
    const me = (cookie: string) => server.app.inject({ method: 'GET', url: '/v1/me', headers: { cookie } });

    before(async () => {
      idp = await startIdentityProvider();
      ctx = await backend.create();
      server = await testServer(ctx.db, { oidc: idp.settings() });
    });
    after(async () => {
      await server.app.close();
      await ctx.cleanup();
      await idp.stop();
    });

    test('a person signs in at the provider (code flow with PKCE) and acts in the role their group maps to, by name', async () => {
      assert.deepEqual((await server.app.inject({ method: 'GET', url: '/v1/auth/config' })).json(), { singleSignOn: true });
      const start = await server.app.inject({ method: 'GET', url: '/v1/auth/oidc/login' });
      const auth = new URL(start.headers.location as string);
      assert.equal(auth.origin, idp.issuer);
      assert.equal(auth.searchParams.get('code_challenge_method'), 'S256');
      assert.ok(auth.searchParams.get('code_challenge') && auth.searchParams.get('state') && auth.searchParams.get('nonce'));

      const rita = await signIn(server, 'rita');
      assert.equal(rita.location, 'http://arbiter.test/console/');
      assert.match(rita.cookie ?? '', /^arbiter_session=ars_/);
      const who = (await me(rita.cookie!)).json();
      assert.deepEqual([who.name, who.role, who.via], ['Rita Risk', 'risk-manager', 'session']);
      assert.match(who.actor, /^usr_/);
      // People are shown by name wherever their id appears.
      const people = await server.app.inject({ method: 'GET', url: `/v1/people?ids=${who.actor}`, headers: { cookie: rita.cookie! } });
      assert.deepEqual(people.json().people, [{ id: who.actor, name: 'Rita Risk', role: 'risk-manager' }]);

      const alan = await signIn(server, 'alan');
      const analyst = (await me(alan.cookie!)).json();
      assert.deepEqual([analyst.name, analyst.role], ['Alan Analyst', 'analyst']);
      assert.equal(
        (await server.app.inject({ method: 'GET', url: '/v1/keys', headers: { cookie: alan.cookie! } })).statusCode,
        403,
        'the role bounds the session',
      );

      // An admin sees who has signed in, and makes a key that acts as one of them.
      const admin = (await server.app.inject({ method: 'POST', url: '/v1/keys', headers: { cookie: rita.cookie! } })).statusCode;
      assert.equal(admin, 403, 'a risk manager makes no keys');
      const { keysForEveryRole } = await import('../support/server.ts');
      const keys = await keysForEveryRole(ctx.db);
      const listed = await server.app.inject({ method: 'GET', url: '/v1/users', headers: { authorization: `Bearer ${keys.admin}` } });
      assert.deepEqual(
        listed.json().users.map((u: { name: string; roles: string[] }) => [u.name, u.roles]),
        [
          ['Alan Analyst', ['analyst']],
          ['Rita Risk', ['risk-manager']],
        ],
      );
      const key = await server.app.inject({
        method: 'POST',
        url: '/v1/keys',
        headers: { authorization: `Bearer ${keys.admin}` },
        payload: { name: "Rita's script", role: 'analyst', userId: who.actor },
      });
      assert.equal(key.statusCode, 201, key.body);
      const asRita = (await server.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${key.json().secret}` } })).json();
      assert.deepEqual([asRita.actor, asRita.via], [who.actor, 'key'], 'a key that belongs to a person acts as them');

      // Signing in again is the same person, not a new one.
      const again = (await me((await signIn(server, 'rita')).cookie!)).json();
      assert.equal(again.actor, who.actor);
      const signedIn = await listAudit(ctx.db, { action: 'auth.signed_in', limit: 10 });
      assert.equal(signedIn.length, 3);
      assert.equal(JSON.stringify(signedIn).includes('ars_'), false, 'no session token in the audit log');
    });

    test('a change made with a session cookie needs the console header; releases by a person are four-eyes by person', async () => {
      const rita = (await signIn(server, 'rita')).cookie!;
      const forged = await server.app.inject({ method: 'POST', url: '/v1/auth/logout', headers: { cookie: rita } });
      assert.equal(forged.statusCode, 403);
      assert.equal(forged.json().error.code, 'csrf');
      const flow = await server.app.inject({
        method: 'POST',
        url: '/v1/flows',
        headers: { cookie: rita, 'x-arbiter-console': '1' },
        payload: {
          definition: {
            id: 'sso-flow',
            name: 'SSO flow',
            input: { fields: { amount: { type: 'number', class: 'C1' } } },
            nodes: [
              { id: 'start', kind: 'input' },
              { id: 'ok', kind: 'output', outcome: 'approve' },
            ],
            edges: [{ from: 'start', to: 'ok' }],
          },
        },
      });
      assert.equal(flow.statusCode, 201, flow.body);
      const who = (await me(rita)).json();
      assert.equal(flow.json().createdBy, who.actor, 'recorded as the person, not the session');
    });

    test('a person whose groups map to no role, a replayed callback and a refusal at the provider are turned away, logged and audited', async () => {
      const nora = await signIn(server, 'nora');
      assert.equal(nora.location, 'http://arbiter.test/console/?sign_in_error=no_role');
      assert.equal(nora.cookie, null);

      const start = await server.app.inject({ method: 'GET', url: '/v1/auth/oidc/login' });
      const back = await loginAtProvider(start.headers.location as string, 'alan');
      assert.equal((await server.app.inject({ method: 'GET', url: `/v1/auth/oidc/callback?${back}` })).headers.location, 'http://arbiter.test/console/');
      const replay = await server.app.inject({ method: 'GET', url: `/v1/auth/oidc/callback?${back}` });
      assert.equal(replay.headers.location, 'http://arbiter.test/console/?sign_in_error=unknown_state');
      const refused = await server.app.inject({ method: 'GET', url: '/v1/auth/oidc/callback?error=access_denied&state=x' });
      assert.equal(refused.headers.location, 'http://arbiter.test/console/?sign_in_error=provider_error');

      const unreachable = await testServer(ctx.db, { oidc: idp.settings({ issuer: 'http://127.0.0.1:9' }) });
      try {
        const start = await unreachable.app.inject({ method: 'GET', url: '/v1/auth/oidc/login' });
        assert.equal(
          start.headers.location,
          'http://arbiter.test/console/?sign_in_error=provider_unreachable',
          'a provider that cannot be reached is said so, not a 500',
        );
      } finally {
        await unreachable.app.close();
      }
      const failed = await listAudit(ctx.db, { action: 'auth.sign_in_failed', limit: 10 });
      assert.deepEqual(failed.map((e) => (e.data as { reason: string }).reason).sort(), ['no_role', 'provider_error', 'unknown_state']);
      assert.equal(failed.find((e) => (e.data as { reason: string }).reason === 'no_role')!.subjectId, 'nora');
    });

    test('sign-out ends the session; a session expires on its own', async () => {
      const alan = (await signIn(server, 'alan')).cookie!;
      assert.equal((await me(alan)).statusCode, 200);
      const out = await server.app.inject({ method: 'POST', url: '/v1/auth/logout', headers: { cookie: alan, 'x-arbiter-console': '1' } });
      assert.deepEqual(out.json(), { signedOut: true });
      assert.match(String(out.headers['set-cookie']), /arbiter_session=;.*Max-Age=0/);
      const after = await me(alan);
      assert.equal(after.statusCode, 401);
      assert.match(after.json().error.message, /session has ended or expired/);
      assert.equal((await listAudit(ctx.db, { action: 'auth.signed_out', limit: 5 })).length, 1);

      const shortLived = await testServer(ctx.db, { oidc: idp.settings({ sessionSeconds: 1 }) });
      try {
        const start = await shortLived.app.inject({ method: 'GET', url: '/v1/auth/oidc/login' });
        const back = await loginAtProvider(start.headers.location as string, 'rita');
        const done = await shortLived.app.inject({ method: 'GET', url: `/v1/auth/oidc/callback?${back}` });
        const cookie = String(done.headers['set-cookie']).split(';')[0]!;
        assert.equal((await shortLived.app.inject({ method: 'GET', url: '/v1/me', headers: { cookie } })).statusCode, 200);
        await new Promise((resolve) => setTimeout(resolve, 1200));
        assert.equal((await shortLived.app.inject({ method: 'GET', url: '/v1/me', headers: { cookie } })).statusCode, 401, 'expired');
      } finally {
        await shortLived.app.close();
      }
    });
  });
}
