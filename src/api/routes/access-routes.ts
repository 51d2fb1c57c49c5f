import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccessService, Permission } from '../../services/index.ts';
import { actorOf } from '../authenticate.ts';
import { errorResponses, roleSchema } from '../schemas.ts';

const READ = ['admin', 'auditor'] as const;
const ADMIN = ['admin'] as const;

const changeSchema = z.object({
  id: z.string(),
  kind: z.enum(['admin_key', 'role']),
  subject: z.string().describe('the key id (admin_key) or the role (role)'),
  payload: z.unknown(),
  status: z.enum(['pending', 'approved', 'rejected']),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
});
const conflict = { 409: errorResponses[400] };

/** Roles as sets of permissions, and the changes to them that wait for a second admin. */
export function accessRoutes(access: AccessService, catalog: () => Permission[]) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/v1/permissions',
      {
        config: { access: READ },
        schema: {
          tags: ['roles'],
          summary: 'Every action of the API, as a permission, with the roles that have it by default',
          response: {
            200: z.object({
              permissions: z.array(z.object({ id: z.string(), summary: z.string().nullable(), tag: z.string().nullable(), defaultRoles: z.array(roleSchema) })),
            }),
            ...errorResponses,
          },
        },
      },
      async () => ({ permissions: catalog() }),
    );

    r.get(
      '/v1/roles',
      {
        config: { access: READ },
        schema: {
          tags: ['roles'],
          summary: "Each role's permissions: its routes' defaults, or as an admin set them",
          response: {
            200: z.object({
              roles: z.array(
                z.object({
                  role: roleSchema,
                  permissions: z.array(z.string()),
                  edited: z.boolean(),
                  updatedBy: z.string().nullable(),
                  updatedAt: z.string().nullable(),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async () => ({ roles: await access.roles(catalog()) }),
    );

    r.put(
      '/v1/roles/:role',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['roles'],
          summary: "Set a role's permissions; where another admin exists, a second admin approves it first (202 with the change)",
          params: z.strictObject({ role: z.string().max(32) }),
          body: z.strictObject({ permissions: z.array(z.string().max(200)).max(1000) }),
          response: { 200: z.object({ applied: z.literal(true) }), 202: z.object({ applied: z.literal(false), change: changeSchema }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const done = await access.changeRole(request.params.role, request.body.permissions, catalog(), actorOf(request));
        return done.change ? reply.code(202).send({ applied: false as const, change: done.change }) : { applied: true as const };
      },
    );

    r.get(
      '/v1/admin-changes',
      {
        config: { access: READ },
        schema: {
          tags: ['roles'],
          summary: 'Admin keys and role changes asked for, newest first',
          querystring: z.strictObject({
            status: z.enum(['pending', 'approved', 'rejected']).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: { 200: z.object({ changes: z.array(changeSchema) }), ...errorResponses },
        },
      },
      async (request) => ({ changes: await access.changes(request.query.status ?? null, request.query.limit) }),
    );

    r.post(
      '/v1/admin-changes/:id/approve',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['roles'],
          summary: "Approve another admin's change: the key starts to work, or the role changes",
          params: z.strictObject({ id: z.string().min(1).max(64) }),
          body: z.strictObject({ comment: z.string().trim().max(4000).optional() }),
          response: { 200: changeSchema, ...errorResponses, ...conflict },
        },
      },
      async (request) => access.approve(request.params.id, request.body.comment ?? null, catalog(), actorOf(request)),
    );

    r.post(
      '/v1/admin-changes/:id/reject',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['roles'],
          summary: "Reject another admin's change with a comment (a key waiting for it is revoked)",
          params: z.strictObject({ id: z.string().min(1).max(64) }),
          body: z.strictObject({ comment: z.string().trim().min(1, 'comment: why it is rejected').max(4000) }),
          response: { 200: changeSchema, ...errorResponses, ...conflict },
        },
      },
      async (request) => access.reject(request.params.id, request.body.comment, actorOf(request)),
    );
  };
}
