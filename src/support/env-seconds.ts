/**
 * A whole number of seconds from an environment variable (the take-over settings of a cluster),
 * `fallback` when it is unset or empty; anything else is refused with what was wrong.
 */
export function secondsFromEnv(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600) throw new Error(`${name} must be a whole number of seconds from 1 to 3600, got "${raw}"`);
  return seconds;
}
