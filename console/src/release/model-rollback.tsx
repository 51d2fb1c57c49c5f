import { t } from '../i18n/i18n.ts';
import { useState } from 'react';
import { post } from '../api.ts';
import type { Release } from '../types.ts';
import { ReleaseLink, RollbackFields } from './release-forms.tsx';

interface ModelRollbackResult {
  flows: { flowId: string; from: number[]; liveVersion: number; version: number; release: Release }[];
}

/**
 * Returns a model to an earlier approved version in every live flow that scores with it: each
 * flow gets a new version differing only in the model, for a second person's approval, or
 * applied now in an emergency and confirmed afterwards.
 */
export function ModelRollBack({ modelId, versions, inUse }: { modelId: string; versions: number[]; inUse: number[] }) {
  const [version, setVersion] = useState<number | null>(null);
  const [done, setDone] = useState<ModelRollbackResult | null>(null);
  const targets = versions.filter((v) => inUse.some((u) => u !== v));
  if (!targets.length) return null;
  const chosen = version ?? targets[targets.length - 1]!;
  if (done)
    return (
      <div className="panel">
        {done.flows.map((f) => (
          <p key={f.flowId}>
            {f.flowId} v{f.version} {t('(from v')}
            {f.liveVersion}
            {t(', on')} {modelId}@{chosen} {t('instead of')} {f.from.map((v) => `@${v}`).join(', ')}): <ReleaseLink release={f.release} />
          </p>
        ))}
      </div>
    );
  return (
    <fieldset className="panel release-form">
      <legend>{t('Roll the model back')}</legend>
      <label>
        {t('Back to')}{' '}
        <select value={chosen} onChange={(e) => setVersion(Number(e.target.value))}>
          {targets.map((v) => (
            <option key={v} value={v}>
              v{v}
            </option>
          ))}
        </select>{' '}
        {t('in every live flow that scores with another version')}
      </label>
      <RollbackFields
        why="Why the model goes back"
        version={chosen}
        onRollBack={async (reason, emergency) =>
          setDone(await post<ModelRollbackResult>(`/v1/models/${encodeURIComponent(modelId)}/rollback`, { version: chosen, reason, emergency }))
        }
      />
    </fieldset>
  );
}
