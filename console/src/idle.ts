/**
 * Resolves once the browser is idle (or after a second at most): for requests a page does not
 * need for its first frame, so that they do not compete with drawing it.
 */
export function afterIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => resolve(), { timeout: 1000 });
    else window.setTimeout(resolve, 50);
  });
}
