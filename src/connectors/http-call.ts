import http from 'node:http';
import https from 'node:https';
import { ConnectorFailure } from './failures.ts';

export interface HttpRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxBytes: number;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Connections are kept open between calls: a TLS handshake per pull would cost more than the pull. */
export function agentFor(url: URL, tls?: { cert: Buffer; key: Buffer; ca?: Buffer }): http.Agent {
  const options = { keepAlive: true, maxSockets: 256, maxFreeSockets: 64 };
  return url.protocol === 'https:' ? new https.Agent({ ...options, ...tls }) : new http.Agent(options);
}

/**
 * One HTTP exchange with a deadline covering connect, headers and body. Transport failures
 * and the deadline become ConnectorFailures; any status is returned for the caller to judge.
 */
export function httpCall(req: HttpRequest, agent: http.Agent): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const send = req.url.protocol === 'https:' ? https.request : http.request;
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
    let settled = false;
    const fail = (f: ConnectorFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outgoing.destroy();
      reject(f);
    };
    const outgoing = send(req.url, { method: req.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > req.maxBytes) fail(new ConnectorFailure('malformed', `the bureau's response is larger than ${req.maxBytes} bytes`));
        else chunks.push(c);
      });
      res.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', (err) => fail(new ConnectorFailure('unavailable', `the bureau's response broke off: ${err.message}`, true)));
    });
    const timer = setTimeout(
      () => fail(new ConnectorFailure('timeout', `no complete answer from ${req.url.host} within ${req.timeoutMs} ms`, true)),
      req.timeoutMs,
    );
    outgoing.on('error', (err: NodeJS.ErrnoException) =>
      fail(new ConnectorFailure('unavailable', `cannot reach ${req.url.host}: ${err.code ?? err.message}`, true)),
    );
    outgoing.end(req.body);
  });
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; absent or unreadable gives undefined. */
export function retryAfterMs(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
