import { t } from './i18n/i18n.ts';
/**
 * The console talks to the server only through the public HTTP API, with the signed-in key or,
 * after single sign-on, the session cookie the server set. Every request says it comes from the
 * console: the server accepts changes made with a cookie only with that header.
 */
const KEY = 'arbiter.apiKey';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const session = {
  key: (): string | null => sessionStorage.getItem(KEY),
  signIn: (key: string) => sessionStorage.setItem(KEY, key),
  signOut: () => sessionStorage.removeItem(KEY),
};

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, key = session.key()): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: {
        'x-arbiter-console': '1',
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', t('The server cannot be reached. Check that Arbiter is running, then try again.'));
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  if (!res.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    if (res.status === 401 && key === session.key()) window.dispatchEvent(new Event('arbiter:signed-out'));
    throw new ApiError(res.status, error?.code ?? 'error', error?.message ?? `${method} ${path} failed with ${res.status}`, error?.details);
  }
  return json as T;
}

/** A POST whose answer is a file (a spreadsheet): the bytes, not text. */
export async function postForFile(path: string, body: unknown): Promise<Blob> {
  const key = session.key();
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'x-arbiter-console': '1', ...(key ? { authorization: `Bearer ${key}` } : {}), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    const error = ((await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, error?.code ?? 'error', error?.message ?? `POST ${path} failed with ${res.status}`);
  }
  return res.blob();
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
