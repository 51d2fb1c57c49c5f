import type { Locale } from '../support/locales.ts';
import type { Queryable } from './database.ts';

export interface Preferences {
  locale: Locale | null;
}

export async function getPreferences(db: Queryable, actor: string): Promise<Preferences> {
  const { rows } = await db.query<{ locale: Locale | null }>('select locale from preferences where actor = $1', [actor]);
  return { locale: rows[0]?.locale ?? null };
}

export async function setPreferences(db: Queryable, actor: string, preferences: Preferences): Promise<Preferences> {
  await db.query(
    `insert into preferences (actor, locale) values ($1, $2)
     on conflict (actor) do update set locale = excluded.locale, updated_at = now()`,
    [actor, preferences.locale],
  );
  return preferences;
}
