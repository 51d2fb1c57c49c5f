import type { FeatureReason, ModelFeature } from './model-file.ts';

/** A reason code: capitals, digits and underscores, starting with a letter, as letters and reports print them. */
export const REASON_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** Whether `r` is wording an applicant can be given: a REASON_CODE code and a text that says something. */
export function isFeatureReason(r: unknown): r is FeatureReason {
  const reason = r as Partial<FeatureReason> | null;
  return (
    !!reason &&
    typeof reason === 'object' &&
    typeof reason.code === 'string' &&
    REASON_CODE.test(reason.code) &&
    typeof reason.text === 'string' &&
    !!reason.text.trim()
  );
}

/** The words of a feature's name: `debtToIncome`, `debt_to_income` and `Debt To Income` all give ["debt", "to", "income"]. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/**
 * What an applicant is told when `feature` is a principal reason for an adverse outcome: the
 * owner's wording when the model carries one, else a code and a sentence made from its name.
 */
export function featureReason(feature: ModelFeature): FeatureReason {
  if (feature.reason) return feature.reason;
  const w = words(feature.name);
  const code =
    w
      .join('_')
      .toUpperCase()
      .replace(/^(?=[0-9])/, 'F_')
      .slice(0, 64) || 'MODEL_FEATURE';
  const label = w.length ? `${w[0]!.charAt(0).toUpperCase()}${w[0]!.slice(1)}${w.length > 1 ? ` ${w.slice(1).join(' ')}` : ''}` : feature.name;
  return { code, text: `${label} raised the estimated risk of default` };
}

/**
 * The owner's wording per feature, checked: every key a feature of the model, every code of the
 * REASON_CODE form and every text non-empty. Returns the features with it set.
 */
export function withFeatureReasons(features: ModelFeature[], reasons: Record<string, unknown>): ModelFeature[] {
  const names = new Set(features.map((f) => f.name));
  const problems: string[] = [];
  for (const [name, r] of Object.entries(reasons)) {
    if (!names.has(name)) problems.push(`"${name}" is not a feature of the model (its features: ${[...names].join(', ')})`);
    if (isFeatureReason(r)) continue;
    const code = (r as Partial<FeatureReason> | null)?.code;
    if (typeof code !== 'string' || !REASON_CODE.test(code))
      problems.push(`"${name}": code must be capitals, digits and underscores, starting with a letter (such as HIGH_UTILIZATION)`);
    else problems.push(`"${name}": text must be a sentence for the applicant`);
  }
  if (problems.length) throw new Error(`bad reason wording: ${problems.join('; ')}`);
  return features.map((f) => {
    const r = reasons[f.name] as FeatureReason | undefined;
    return Object.hasOwn(reasons, f.name) && r ? { ...f, reason: { code: r.code, text: r.text } } : f;
  });
}
