import { useEffect, useState } from 'react';

/** Hash routes (#/decisions/dec_1): the server serves one page and needs no knowledge of them. */
export function useRoute(): string[] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [route, setRoute] = useState(read);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `read` reads the location, not props or state; it is subscribed once
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export const href = (...parts: (string | number)[]) => `#/${parts.map((p) => encodeURIComponent(String(p))).join('/')}`;
export const go = (...parts: (string | number)[]) => {
  window.location.hash = href(...parts);
};
