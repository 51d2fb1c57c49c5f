import { useId, useState } from 'react';
import { post } from '../api.ts';
import type { Release } from '../types.ts';
import { ActionButton } from '../ui.tsx';
import { ReleaseLink } from './release-forms.tsx';

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
  const [reason, setReason] = useState('');
  const [emergency, setEmergency] = useState(false);
  const [done, setDone] = useState<ModelRollbackResult | null>(null);
  const id = useId();
  const targets = versions.filter((v) => inUse.some((u) => u !== v));
  if (!targets.length) return null;
  const chosen = version ?? targets[targets.length - 1]!;
  if (done)
    return (
      <div className="panel">
        {done.flows.map((f) => (
          <p key={f.flowId}>
            {f.flowId} v{f.version} (from v{f.liveVersion}, on {modelId}@{chosen} instead of {f.from.map((v) => `@${v}`).join(', ')}):{' '}
            <ReleaseLink release={f.release} />
          </p>
        ))}
      </div>
    );
  return (
    <fieldset className="panel release-form">
      <legend>Roll the model back</legend>
      <label>
        Back to{' '}
        <select value={chosen} onChange={(e) => setVersion(Number(e.target.value))}>
          {targets.map((v) => (
            <option key={v} value={v}>
              v{v}
            </option>
          ))}
        </select>{' '}
        in every live flow that scores with another version
      </label>
      <label htmlFor={id}>Why the model goes back</label>
      <textarea id={id} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      <label className="check">
        <input type="checkbox" checked={emergency} onChange={(e) => setEmergency(e.target.checked)} /> Emergency: apply now, a second person confirms afterwards
      </label>
      <div className="toolbar">
        <ActionButton
          kind={emergency ? 'danger' : 'primary'}
          disabled={!reason.trim()}
          onClick={async () =>
            setDone(await post<ModelRollbackResult>(`/v1/models/${encodeURIComponent(modelId)}/rollback`, { version: chosen, reason, emergency }))
          }
        >
          {emergency ? `Roll back to v${chosen} now` : `Ask to roll back to v${chosen}`}
        </ActionButton>
      </div>
    </fieldset>
  );
}
