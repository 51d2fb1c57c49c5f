import { t, tk } from '../i18n/i18n.ts';
import { useState } from 'react';
import { api, get, post } from '../api.ts';
import type { Answer, PageProps } from '../types.ts';
import type { Role } from '../types.ts';
import { ActionButton, Badge, Loaded, useLoad, when } from '../ui.tsx';
import { Person } from '../people.tsx';
import { PendingChanges, RolePermissions } from './role-permissions.tsx';

type ApiKey = Answer<'/v1/keys'>['keys'][number];

const ROLES: { role: Role; may: string }[] = [
  { role: 'admin', may: tk('keys and roles, audit log, erasure and reveal of personal data, connectors') },
  { role: 'risk-manager', may: tk('flows, tables, models and strategies; publishes and approves promotions') },
  { role: 'analyst', may: tk('drafts flows and tables, runs back-tests and optimisations, reads models and decisions') },
  { role: 'reviewer', may: tk('works the review queue; may reveal personal data, stating why') },
  { role: 'auditor', may: tk('reads everything that is logged; verifies the audit chain') },
  { role: 'service', may: tk('the lending system that requests decisions and reports outcomes') },
];

export function KeysPage({ me }: PageProps) {
  const keys = useLoad(() => get<{ keys: ApiKey[] }>('/v1/keys').then((r) => r.keys), []);
  const people = useLoad(() => get<Answer<'/v1/users'>>('/v1/users').then((r) => r.users), []);
  const [person, setPerson] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [created, setCreated] = useState<{ key: ApiKey; secret: string } | null>(null);
  const [changes, setChanges] = useState(0);
  const changed = () => {
    setChanges((n) => n + 1);
    keys.reload();
  };
  return (
    <section aria-labelledby="keys-title">
      <h1 id="keys-title">{t('Keys and roles')}</h1>
      <form className="panel" aria-label={t('Create a key')} onSubmit={(e) => e.preventDefault()}>
        <div className="row">
          <label>
            {t('Name')} <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('e.g. loan origination system')} />
          </label>
          <label>
            {t('Role')}{' '}
            <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r.role} value={r.role}>
                  {r.role}
                </option>
              ))}
            </select>
          </label>
          {people.data?.length ? (
            <label>
              {t('Acts as')}{' '}
              <select value={person} onChange={(e) => setPerson(e.target.value)}>
                <option value="">{t('a named service (nobody)')}</option>
                {people.data.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                    {p.email ? ` (${p.email})` : ''}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <ActionButton
            disabled={!name.trim()}
            onClick={async () => {
              setCreated(await post('/v1/keys', { name, role, ...(person ? { userId: person } : {}) }));
              setName('');
              changed();
            }}
          >
            {t('Create key')}
          </ActionButton>
        </div>
        {created ? (
          <div className="notice" role="status">
            {t('Key')} <strong>{created.key.name}</strong> ({created.key.role}
            {t(') created. Its secret is shown this once:')} <code className="secret">{created.secret}</code>
            {created.key.pendingChange ? t(' It works once another admin approves it.') : null}
          </div>
        ) : null}
      </form>
      <Loaded state={keys} what={t('keys')}>
        {(list) => (
          <table aria-label={t('API keys')}>
            <thead>
              <tr>
                <th>{t('Name')}</th>
                <th>{t('Role')}</th>
                <th>{t('Prefix')}</th>
                <th>{t('Created')}</th>
                <th>{t('By')}</th>
                <th>{t('Status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td>
                    <Badge value={k.role} />
                  </td>
                  <td>
                    <code>{k.prefix}…</code>
                  </td>
                  <td>{when(k.createdAt)}</td>
                  <td>
                    <Person id={k.createdBy} />
                  </td>
                  <td>
                    {k.revokedAt ? t('revoked {{revokedAt}}', { revokedAt: when(k.revokedAt) }) : k.pendingChange ? t('waiting for a second admin') : 'active'}
                  </td>
                  <td>
                    {!k.revokedAt && k.id !== me.keyId ? (
                      <ActionButton
                        kind="danger"
                        onClick={async () => {
                          if (!window.confirm(t('Revoke the key "{{name}}"? Anything using it stops working at once.', { name: k.name }))) return;
                          await api('DELETE', `/v1/keys/${encodeURIComponent(k.id)}`);
                          keys.reload();
                        }}
                      >
                        {t('Revoke')}
                      </ActionButton>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
      <Loaded state={people} what={t('people')}>
        {(list) =>
          list.length ? (
            <table aria-label={t('People')}>
              <caption>{t('People who have signed in through single sign-on')}</caption>
              <thead>
                <tr>
                  <th>{t('Name')}</th>
                  <th>{t('E-mail')}</th>
                  <th>{t('Roles (from their groups)')}</th>
                  <th>{t('Last signed in')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((p) => (
                  <tr key={p.id}>
                    <td>{p.name}</td>
                    <td>{p.email ?? '—'}</td>
                    <td>
                      {p.roles.map((r) => (
                        <Badge key={r} value={r} />
                      ))}
                    </td>
                    <td>{when(p.lastSignInAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null
        }
      </Loaded>
      <PendingChanges me={me} version={changes} onDecided={changed} />
      <h2>{t('Roles')}</h2>
      <RolePermissions onAsked={changed} />
      <dl className="roles">
        {ROLES.map((r) => (
          <div key={r.role}>
            <dt>
              <Badge value={r.role} />
            </dt>
            <dd>{t(r.may)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
