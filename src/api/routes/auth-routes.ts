import { serialize } from 'cookie';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SignInError, type SignInService } from '../../services/index.ts';
import { actorOf, requirePrincipal, SESSION_COOKIE } from '../authenticate.ts';
import { errorResponses } from '../schemas.ts';

const EVERYONE = ['admin', 'risk-manager', 'analyst', 'reviewer', 'auditor', 'service'] as const;
/** Sign-ins per client address and minute: people sign in a few times a day. */
const SIGN_IN_LIMIT = { max: 60, timeWindow: 60_000 };

/** Single sign-on for the console: to the identity provider and back, and signing out. */
export function authRoutes(signIn: SignInService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const settings = signIn.settings;
    const secure = settings ? new URL(settings.redirectUrl).protocol === 'https:' : false;
    const cookie = (value: string, maxAge: number) => serialize(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'lax', path: '/', maxAge, secure });

    r.get(
      '/v1/auth/config',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'How people sign in here: with single sign-on, or with API keys only',
          response: { 200: z.object({ singleSignOn: z.boolean() }) },
        },
      },
      async () => ({ singleSignOn: settings !== null }),
    );

    r.post(
      '/v1/auth/logout',
      {
        config: { access: EVERYONE },
        schema: {
          tags: ['auth'],
          summary: 'Ends the console session this request came with (API keys are revoked, not signed out)',
          response: { 200: z.object({ signedOut: z.boolean() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const p = requirePrincipal(request);
        if (p.via !== 'session') return { signedOut: false };
        await signIn.signOut(p.keyId, actorOf(request));
        reply.header('set-cookie', cookie('', 0));
        return { signedOut: true };
      },
    );

    if (!settings) return;

    r.get(
      '/v1/auth/oidc/login',
      // Each start stores a row before anyone is known: a tighter limit per address than the API's.
      {
        config: { access: 'public', rateLimit: SIGN_IN_LIMIT },
        schema: { tags: ['auth'], summary: 'Starts signing in at the identity provider (a redirect)' },
      },
      async (request, reply) => {
        try {
          return reply.redirect(await signIn.start(), 302);
        } catch (err) {
          // The provider could not be reached or read: the person is told so on the sign-in page, not shown a 500.
          request.log.warn({ code: (err as { code?: string }).code }, 'the identity provider could not be reached');
          return reply.redirect(`${settings.consoleUrl}?sign_in_error=provider_unreachable`, 302);
        }
      },
    );

    r.get(
      '/v1/auth/oidc/callback',
      {
        config: { access: 'public', rateLimit: SIGN_IN_LIMIT },
        schema: { tags: ['auth'], summary: 'Where the identity provider sends the browser back; sets the session cookie and opens the console' },
      },
      async (request, reply) => {
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
        try {
          const done = await signIn.finish(query, request.id);
          reply.header('set-cookie', cookie(done.token, Math.max(1, Math.round((Date.parse(done.expiresAt) - Date.now()) / 1000))));
          return reply.redirect(settings.consoleUrl, 302);
        } catch (err) {
          if (!(err instanceof SignInError)) throw err;
          return reply.redirect(`${settings.consoleUrl}?sign_in_error=${err.reason}`, 302);
        }
      },
    );
  };
}
