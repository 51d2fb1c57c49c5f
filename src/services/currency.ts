/**
 * The currency the installation lends in (`ARBITER_CURRENCY`, ISO 4217, yuan by default): amounts
 * carry no currency of their own, so the console formats them in this one for the reader's language.
 */
export function currencyFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const raw = (env.ARBITER_CURRENCY ?? '').trim();
  if (raw === '') return 'CNY';
  if (!Intl.supportedValuesOf('currency').includes(raw))
    throw new Error(`ARBITER_CURRENCY must be an ISO 4217 currency code such as CNY, USD or EUR, got "${raw}"`);
  return raw;
}
