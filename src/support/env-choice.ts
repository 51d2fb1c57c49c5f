/**
 * One of a fixed set of values from an environment variable (an installation's choice of
 * algorithm), the first of them when it is unset or empty; anything else is refused naming the choices.
 */
export function choiceFromEnv<T extends string>(name: string, choices: readonly T[], env: NodeJS.ProcessEnv = process.env): T {
  const raw = env[name] ?? '';
  if (raw === '') return choices[0]!;
  if (!(choices as readonly string[]).includes(raw)) throw new Error(`${name} must be one of ${choices.join(', ')}, got "${raw}"`);
  return raw as T;
}
