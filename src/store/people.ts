import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../privacy/index.ts';
import type { Actor } from './api-keys.ts';
import { appendAudit } from './audit-log.ts';
import type { Database, Queryable } from './database.ts';
import { iso } from './row-values.ts';

/** A person who signs in through the identity provider. */
export interface User {
  id: string;
  issuer: string;
  subject: string;
  email: string | null;
  name: string;
  roles: Role[];
  createdAt: string;
  lastSignInAt: string | null;
}

interface UserRow {
  id: string;
  issuer: string;
  subject: string;
  email: string | null;
  name: string;
  roles: Role[];
  created_at: Date | string;
  last_sign_in_at: Date | string | null;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  issuer: r.issuer,
  subject: r.subject,
  email: r.email,
  name: r.name,
  roles: r.roles,
  createdAt: iso(r.created_at)!,
  lastSignInAt: iso(r.last_sign_in_at),
});

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SignedIn {
  user: User;
  /** Given to the browser once, in a cookie; only its hash is stored. */
  token: string;
  sessionId: string;
  expiresAt: string;
}

/**
 * Records a sign-in: the person as the identity provider describes them now (name, e-mail and
 * roles follow the provider), and a new session acting in `role`. Audited in the same transaction.
 */
export async function signIn(
  db: Database,
  person: { issuer: string; subject: string; email: string | null; name: string; roles: Role[] },
  role: Role,
  expiresAt: Date,
  requestId?: string,
): Promise<SignedIn> {
  const token = `ars_${randomBytes(32).toString('base64url')}`;
  const sessionId = `ses_${randomBytes(8).toString('hex')}`;
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<UserRow>(
      `insert into users (id, issuer, subject, email, name, roles, last_sign_in_at) values ($1, $2, $3, $4, $5, $6, now())
       on conflict (issuer, subject) do update set email = excluded.email, name = excluded.name, roles = excluded.roles, last_sign_in_at = now()
       returning *`,
      [`usr_${randomBytes(8).toString('hex')}`, person.issuer, person.subject, person.email, person.name, person.roles],
    );
    const user = toUser(rows[0]!);
    await tx.query('insert into sessions (id, token_hash, user_id, role, expires_at) values ($1, $2, $3, $4, $5)', [
      sessionId,
      tokenHash(token),
      user.id,
      role,
      expiresAt.toISOString(),
    ]);
    await appendAudit(tx, {
      actor: user.id,
      action: 'auth.signed_in',
      subjectType: 'user',
      subjectId: user.id,
      requestId,
      data: { session: sessionId, role, roles: person.roles, expiresAt: expiresAt.toISOString() },
    });
    return { user, token, sessionId, expiresAt: expiresAt.toISOString() };
  });
}

export interface ActiveSession {
  sessionId: string;
  user: User;
  role: Role;
  expiresAt: string;
}

/** The live session a token opens, or null: unknown, ended or expired. */
export async function findSession(db: Queryable, token: string, now: Date): Promise<ActiveSession | null> {
  const { rows } = await db.query<UserRow & { session_id: string; role: Role; expires_at: Date | string }>(
    `select u.*, s.id as session_id, s.role, s.expires_at from sessions s join users u on u.id = s.user_id
     where s.token_hash = $1 and s.ended_at is null and s.expires_at > $2`,
    [tokenHash(token), now.toISOString()],
  );
  const r = rows[0];
  return r ? { sessionId: r.session_id, user: toUser(r), role: r.role, expiresAt: iso(r.expires_at)! } : null;
}

/** Ends a session (sign-out); audited. */
export async function endSession(db: Database, sessionId: string, by: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ user_id: string }>('update sessions set ended_at = now() where id = $1 and ended_at is null returning user_id', [
      sessionId,
    ]);
    if (!rows[0]) return;
    await appendAudit(tx, {
      actor: by.actor,
      action: 'auth.signed_out',
      subjectType: 'user',
      subjectId: rows[0].user_id,
      requestId: by.requestId,
      data: { session: sessionId },
    });
  });
}

/** A sign-in that could not finish, with why (never the provider's tokens). */
export async function recordFailedSignIn(db: Database, reason: string, detail: { subject?: string; requestId?: string }): Promise<void> {
  await db.transaction(async (tx) => {
    await appendAudit(tx, {
      actor: detail.subject ? `oidc:${detail.subject}` : 'anonymous',
      action: 'auth.sign_in_failed',
      subjectType: 'user',
      subjectId: detail.subject,
      requestId: detail.requestId,
      data: { reason },
    });
  });
}

/** How long a started sign-in may take before its callback is refused. */
const SIGN_IN_MINUTES = 10;

export async function saveSignIn(db: Queryable, s: { state: string; verifier: string; nonce: string }): Promise<void> {
  // Abandoned sign-ins are swept as new ones start.
  await db.query(`delete from sign_ins where created_at < now() - interval '${SIGN_IN_MINUTES} minutes'`);
  await db.query('insert into sign_ins (state, verifier, nonce) values ($1, $2, $3)', [s.state, s.verifier, s.nonce]);
}

/** Takes a started sign-in by its state, once: a replayed callback finds nothing. */
export async function takeSignIn(db: Queryable, state: string): Promise<{ verifier: string; nonce: string } | null> {
  const { rows } = await db.query<{ verifier: string; nonce: string }>(
    `delete from sign_ins where state = $1 and created_at > now() - interval '${SIGN_IN_MINUTES} minutes' returning verifier, nonce`,
    [state],
  );
  return rows[0] ?? null;
}

/** Names and roles of people by id, for showing who acted. */
export async function userNames(db: Queryable, ids: readonly string[]): Promise<{ id: string; name: string; role: Role }[]> {
  if (!ids.length) return [];
  const { rows } = await db.query<{ id: string; name: string; roles: Role[] }>('select id, name, roles from users where id = any($1::text[]) order by id', [
    ids,
  ]);
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.roles[0]! }));
}

/** Everyone who has signed in, by name. */
export async function listUsers(db: Queryable): Promise<User[]> {
  const { rows } = await db.query<UserRow>('select * from users order by name, id');
  return rows.map(toUser);
}
