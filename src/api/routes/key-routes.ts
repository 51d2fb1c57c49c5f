import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePrincipal } from '../authenticate.ts';
import { currencyFromEnv, LOCALES, type KeyService } from '../../services/index.ts';
import { apiKeySchema, errorResponses, roleSchema } from '../schemas.ts';

const localeSchema = z.enum(LOCALES).describe('en or zh-CN');

export function keyRoutes(keys: KeyService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    // Read once, when the server is built: a currency the console cannot format stops the start, not the first page shown.
    const currency = currencyFromEnv();
    r.get(
      '/v1/keys',
      {
        config: { access: ['admin'] },
        schema: {
          tags: ['keys'],
          summary: 'List API keys (never their secrets)',
          response: { 200: z.object({ keys: z.array(apiKeySchema) }), ...errorResponses },
        },
      },
      async () => ({ keys: await keys.list() }),
    );

    r.get(
      '/v1/users',
      {
        config: { access: ['admin', 'auditor'] },
        schema: {
          tags: ['keys'],
          summary: 'People who have signed in through single sign-on, with the roles their groups give',
          response: {
            200: z.object({
              users: z.array(
                z.object({
                  id: z.string(),
                  name: z.string(),
                  email: z.string().nullable(),
                  roles: z.array(roleSchema),
                  issuer: z.string(),
                  subject: z.string(),
                  createdAt: z.string(),
                  lastSignInAt: z.string().nullable(),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async () => ({ users: await keys.people() }),
    );

    r.post(
      '/v1/keys',
      {
        config: { access: ['admin'] },
        schema: {
          tags: ['keys'],
          summary:
            'Create an API key; the secret is in this response only. An admin key, where another admin exists, waits for a second admin (202, pendingChange)',
          body: z.strictObject({
            name: z.string().trim().min(1).max(100),
            role: roleSchema,
            userId: z.string().min(1).max(64).optional().describe('the person the key belongs to (a user id); it then acts as them'),
          }),
          response: { 201: z.object({ key: apiKeySchema, secret: z.string() }), 202: z.object({ key: apiKeySchema, secret: z.string() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const created = await keys.create(request.body, actorOf(request));
        return reply.code(created.key.pendingChange ? 202 : 201).send(created);
      },
    );

    r.delete(
      '/v1/keys/:id',
      {
        config: { access: ['admin'] },
        schema: {
          tags: ['keys'],
          summary: 'Revoke an API key',
          params: z.strictObject({ id: z.string().min(1).max(64) }),
          response: { 200: z.object({ key: apiKeySchema }), ...errorResponses },
        },
      },
      async (request) => {
        return { key: await keys.revoke(request.params.id, actorOf(request)) };
      },
    );

    r.get(
      '/v1/people',
      {
        // People's names are for people: a service decides applications and has no one to show them to.
        config: { access: ['admin', 'risk-manager', 'analyst', 'reviewer', 'auditor'] },
        schema: {
          tags: ['keys'],
          summary: 'The names and roles of the keys with these ids: who drafted, published, reviewed or acted, shown by name',
          querystring: z.strictObject({
            ids: z
              .string()
              .max(4000)
              .transform((s) =>
                [
                  ...new Set(
                    s
                      .split(',')
                      .map((x) => x.trim())
                      .filter(Boolean),
                  ),
                ].slice(0, 100),
              )
              .describe('key ids, comma-separated (at most 100); ids that are no key (system:demo, cli) are left out'),
          }),
          response: { 200: z.object({ people: z.array(z.object({ id: z.string(), name: z.string(), role: roleSchema })) }), ...errorResponses },
        },
      },
      async (request) => ({ people: await keys.names(request.query.ids) }),
    );

    r.get(
      '/v1/me',
      {
        config: { access: ['admin', 'risk-manager', 'analyst', 'reviewer', 'auditor', 'service'] },
        schema: {
          tags: ['keys'],
          summary: 'The caller: key (or console session) id, who acts, name and role',
          response: {
            200: z.object({
              keyId: z.string().describe('the API key, or the console session'),
              actor: z.string().describe('who acts, as the audit log and releases record it: the person, or the key of a named service'),
              name: z.string(),
              role: roleSchema,
              via: z.enum(['key', 'session']),
              locale: localeSchema.nullable().describe('the console language this person chose, wherever they signed in; null until they choose'),
              currency: z.string().describe('the currency the installation lends in (ARBITER_CURRENCY, ISO 4217): amounts are in it'),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const principal = requirePrincipal(request);
        return { ...principal, locale: (await keys.preferences(principal.actor)).locale, currency };
      },
    );

    r.put(
      '/v1/me/preferences',
      {
        config: { access: ['admin', 'risk-manager', 'analyst', 'reviewer', 'auditor', 'service'] },
        schema: {
          tags: ['keys'],
          summary: "The caller's console preferences: its language, kept for the person (or the key) and used in every browser",
          body: z.object({ locale: localeSchema.nullable().describe("null goes back to the browser's language") }).strict(),
          response: { 200: z.object({ locale: localeSchema.nullable() }), ...errorResponses },
        },
      },
      async (request) => keys.setPreferences(requirePrincipal(request).actor, { locale: request.body.locale }),
    );
  };
}
