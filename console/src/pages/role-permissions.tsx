import { t } from '../i18n/i18n.ts';
import { useEffect, useMemo, useState } from 'react';
import { api, get } from '../api.ts';
import type { Answer, Role } from '../types.ts';
import { ActionButton, Badge, Loaded, useLoad, when } from '../ui.tsx';
import { Person } from '../people.tsx';

type Permission = Answer<'/v1/permissions'>['permissions'][number];
type RoleSet = Answer<'/v1/roles'>['roles'][number];

/** A role's permissions as checkboxes, action by action, grouped as the API groups them. */
export function RolePermissions({ onAsked }: { onAsked: () => void }) {
  const data = useLoad(
    () => Promise.all([get<{ permissions: Permission[] }>('/v1/permissions'), get<{ roles: RoleSet[] }>('/v1/roles')]).then(([p, r]) => ({ ...p, ...r })),
    [],
  );
  const [role, setRole] = useState<Role>('analyst');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<string | null>(null);
  const current = data.data?.roles.find((r) => r.role === role) ?? null;
  useEffect(() => setChosen(new Set(current?.permissions ?? [])), [current]);
  const groups = useMemo(() => {
    const by = new Map<string, Permission[]>();
    for (const p of data.data?.permissions ?? []) by.set(p.tag ?? 'other', [...(by.get(p.tag ?? 'other') ?? []), p]);
    return [...by].sort(([a], [b]) => a.localeCompare(b));
  }, [data.data]);
  const changed = current !== null && (chosen.size !== current.permissions.length || current.permissions.some((p) => !chosen.has(p)));
  return (
    <Loaded state={data} what={t('roles')}>
      {(d) => (
        <section className="panel" aria-label={t('Role permissions')}>
          <div className="row">
            <label>
              {t('Role')}{' '}
              <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {d.roles.map((r) => (
                  <option key={r.role} value={r.role}>
                    {r.role}
                  </option>
                ))}
              </select>
            </label>
            <span className="muted small">
              {current?.edited ? (
                <>
                  {t('edited by')} <Person id={current.updatedBy} />, {when(current.updatedAt)}
                </>
              ) : (
                t('the built-in defaults')
              )}{' '}
              · {chosen.size} {t('of')} {d.permissions.length} {t('actions')}
            </span>
            <ActionButton
              disabled={!changed}
              onClick={async () => {
                const r = await api<{ applied: boolean }>('PUT', `/v1/roles/${role}`, { permissions: [...chosen] });
                setOutcome(
                  r.applied ? t('The {{role}} role is changed.', { role }) : t("The change to {{role}} waits for another admin's approval.", { role }),
                );
                data.reload();
                onAsked();
              }}
            >
              {t('Save')} {role}
            </ActionButton>
          </div>
          {outcome ? (
            <div className="notice" role="status">
              {outcome}
            </div>
          ) : null}
          <div className="permission-groups">
            {groups.map(([tag, list]) => (
              <fieldset key={tag}>
                <legend>{tag}</legend>
                {list.map((p) => (
                  <label key={p.id} className="check" title={p.id}>
                    <input
                      type="checkbox"
                      checked={chosen.has(p.id)}
                      onChange={(e) => {
                        const next = new Set(chosen);
                        if (e.target.checked) next.add(p.id);
                        else next.delete(p.id);
                        setChosen(next);
                      }}
                    />{' '}
                    {p.summary ?? p.id} {chosen.has(p.id) === p.defaultRoles.includes(role) ? null : <Badge value={chosen.has(p.id) ? 'added' : 'removed'} />}
                  </label>
                ))}
              </fieldset>
            ))}
          </div>
        </section>
      )}
    </Loaded>
  );
}

type Change = Answer<'/v1/admin-changes'>['changes'][number];

/** Admin keys and role changes waiting for a second admin. */
export function PendingChanges({ me, version, onDecided }: { me: { actor: string }; version: number; onDecided: () => void }) {
  const changes = useLoad(() => get<{ changes: Change[] }>('/v1/admin-changes?status=pending').then((r) => r.changes), [version]);
  const [comment, setComment] = useState('');
  return (
    <Loaded state={changes} what={t('changes waiting')}>
      {(list) =>
        list.length === 0 ? null : (
          <section className="panel" aria-label={t('Waiting for a second admin')}>
            <h2>{t('Waiting for a second admin')}</h2>
            <label>
              {t('Comment')} <input value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('why (needed to reject)')} />
            </label>
            <table aria-label={t('Changes waiting')}>
              <tbody>
                {list.map((c) => (
                  <tr key={c.id}>
                    <td>
                      {c.kind === 'admin_key'
                        ? t('a new admin key "{{value}}"', { value: (c.payload as { name?: string }).name ?? c.subject })
                        : t("the {{subject}} role's permissions", { subject: c.subject })}
                    </td>
                    <td>
                      <Person id={c.requestedBy} />, {when(c.requestedAt)}
                    </td>
                    <td>
                      {c.requestedBy === me.actor ? (
                        <span className="muted">{t('You asked for this: another admin decides it.')}</span>
                      ) : (
                        <>
                          <ActionButton onClick={async () => (await api('POST', `/v1/admin-changes/${c.id}/approve`, comment ? { comment } : {}), onDecided())}>
                            {t('Approve')}
                          </ActionButton>{' '}
                          <ActionButton
                            kind="danger"
                            disabled={!comment.trim()}
                            onClick={async () => (await api('POST', `/v1/admin-changes/${c.id}/reject`, { comment }), onDecided())}
                          >
                            {t('Reject')}
                          </ActionButton>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )
      }
    </Loaded>
  );
}
