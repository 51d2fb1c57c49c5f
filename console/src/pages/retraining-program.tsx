import { t } from '../i18n/i18n.ts';
import { ApiError, get, post } from '../api.ts';
import type { Answer, Governance, Me } from '../types.ts';
import { href } from '../router.ts';
import { ActionButton, Badge, Loaded, num, useLoad, when } from '../ui.tsx';
import { Person } from '../people.tsx';

type Program = Answer<'/v1/lifecycle/programs/{modelId}'>;
type Run = Answer<'/v1/lifecycle/programs/{modelId}/runs'>['runs'][number];

/** How many of a program's latest runs are listed. */
const RUNS_SHOWN = 12;

/**
 * A model's retraining program, if it has one: the flow it retrains for, how promotions are
 * approved, and whether a second risk manager has confirmed it (which an automatic program
 * needs where releases take two people; any other risk manager may confirm it here), with the
 * latest runs and the releases that carry their promotions.
 */
export function RetrainingProgram({ modelId, me }: { modelId: string; me: Me }) {
  const data = useLoad(async () => {
    try {
      const [program, { runs }, governance] = await Promise.all([
        get<Program>(`/v1/lifecycle/programs/${encodeURIComponent(modelId)}`),
        get<{ runs: Run[] }>(`/v1/lifecycle/programs/${encodeURIComponent(modelId)}/runs`),
        get<Governance>('/v1/governance'),
      ]);
      return { program, runs, fourEyes: !governance.singlePersonRelease };
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    }
  }, [modelId]);
  return (
    <Loaded state={data} what={t('retraining program')}>
      {(found) => {
        if (!found) return null;
        const { program, runs, fourEyes } = found;
        const automatic = program.policy.approval === 'auto';
        const waitsForConfirmation = automatic && fourEyes && !program.confirmedBy;
        const mayConfirm = waitsForConfirmation && me.role === 'risk-manager' && me.actor !== program.updatedBy;
        return (
          <section aria-label={t('Retraining program')}>
            <h3>{t('Retraining program')}</h3>
            <table className="facts">
              <tbody>
                <tr>
                  <th>{t('Flow')}</th>
                  <td>
                    <a href={href('flows', program.flowId)}>{program.flowId}</a> ({t('node')} {program.scoreNode})
                  </td>
                </tr>
                <tr>
                  <th>{t('Promotions approved by')}</th>
                  <td>
                    {automatic ? t("the program's policy, as releases") : t('a risk manager, as releases')}
                    {waitsForConfirmation ? ` (${t('not in force until a second risk manager confirms the program')})` : ''}
                  </td>
                </tr>
                <tr>
                  <th>{t('Set')}</th>
                  <td>
                    <Person id={program.updatedBy} />, {when(program.updatedAt)}
                  </td>
                </tr>
                <tr>
                  <th>{t('Confirmed')}</th>
                  <td>
                    {program.confirmedBy ? (
                      <>
                        <Person id={program.confirmedBy} />, {when(program.confirmedAt)}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              </tbody>
            </table>
            {mayConfirm ? (
              <ActionButton
                onClick={async () => {
                  await post(`/v1/lifecycle/programs/${encodeURIComponent(modelId)}/confirm`, { updatedAt: program.updatedAt });
                  data.reload();
                }}
              >
                {t('Confirm the program')}
              </ActionButton>
            ) : null}
            {runs.length ? (
              <table aria-label={t('Retraining runs')}>
                <thead>
                  <tr>
                    <th>{t('As of')}</th>
                    <th>{t('Status')}</th>
                    <th>{t('Challenger')}</th>
                    <th>{t('Out-of-time AUC')}</th>
                    <th>{t('Release')}</th>
                  </tr>
                </thead>
                <tbody>
                  {runs.slice(0, RUNS_SHOWN).map((r) => {
                    const checks = r.checks as { method?: string; challenger?: { auc?: number }; champion?: { auc?: number } } | null;
                    return (
                      <tr key={r.id}>
                        <td>{when(r.asOf)}</td>
                        <td>
                          <Badge value={r.status} />
                        </td>
                        <td>{r.challengerVersion === null ? '—' : `v${r.challengerVersion}${checks?.method ? ` (${checks.method})` : ''}`}</td>
                        <td>{checks?.challenger?.auc === undefined ? '—' : `${num(checks.challenger.auc, 4)} / ${num(checks.champion?.auc, 4)}`}</td>
                        <td>{r.releaseId ? <a href={href('releases', r.releaseId)}>{r.releaseId}</a> : '—'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            ) : (
              <p className="muted">{t('No runs yet.')}</p>
            )}
          </section>
        );
      }}
    </Loaded>
  );
}
