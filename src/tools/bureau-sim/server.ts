import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { creditFile, isNoHit } from './credit-file.ts';
import { checkFaults, FaultDraw, NO_FAULTS, parseFaultHeader, type FaultConfig } from './faults.ts';
import { jsonReport, xmlReport } from './reports.ts';

export interface BureauSimOptions {
  port: number;
  host?: string;
  seed?: number;
  faults?: Partial<FaultConfig>;
  /** Require this key in `x-api-key`. */
  apiKey?: string;
  /** Require an HMAC-SHA256 of "METHOD\npath\ntimestamp\nbody" in `x-signature`, with `x-timestamp`. */
  hmacSecret?: string;
}

export interface BureauSim {
  url: string;
  port: number;
  setFaults(f: Partial<FaultConfig>): void;
  billing(): Billing;
  close(): Promise<void>;
}

export interface Billing {
  /** Reports produced, each charged once however often its reference is asked for. */
  charges: number;
  byNationalId: Record<string, number>;
  maxChargesPerPerson: number;
  requests: Record<string, number>;
}

type Format = 'json' | 'xml';
const ROUTES: Record<string, Format> = { '/v1/reports': 'json', '/crr/report': 'xml' };
const MAX_BODY = 64 * 1024;

function send(res: http.ServerResponse, status: number, body: string, type = 'application/json', headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

const problem = (res: http.ServerResponse, status: number, message: string) => send(res, status, JSON.stringify({ error: message }));

/**
 * A credit bureau on loopback for tests and the demo: deterministic reports for synthetic
 * people in two formats, billing per produced report (idempotent by request reference), and
 * faults on demand.
 */
export async function startBureauSim(o: BureauSimOptions): Promise<BureauSim> {
  const seed = o.seed ?? 1;
  let faults = checkFaults({ ...NO_FAULTS, ...o.faults });
  const draw = new FaultDraw(seed);
  const produced = new Map<string, { format: Format; body: string; nationalId: string }>();
  const failures = new Map<string, number>();
  const requests: Record<string, number> = {};
  let reportNo = 0;
  const count = (what: string) => (requests[what] = (requests[what] ?? 0) + 1);
  const pending = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void, res: http.ServerResponse) => {
    if (ms <= 0) return fn();
    const t = setTimeout(() => {
      pending.delete(t);
      fn();
    }, ms);
    pending.add(t);
    res.on('close', () => {
      clearTimeout(t);
      pending.delete(t);
    });
  };

  const authorised = (req: http.IncomingMessage, path: string, body: string): string | null => {
    if (o.apiKey) {
      const given = Buffer.from(String(req.headers['x-api-key'] ?? ''));
      const want = Buffer.from(o.apiKey);
      if (given.length !== want.length || !timingSafeEqual(given, want)) return 'missing or wrong x-api-key';
    }
    if (o.hmacSecret) {
      const ts = String(req.headers['x-timestamp'] ?? '');
      const age = Math.abs(Date.now() - Date.parse(ts));
      if (!(age < 300_000)) return 'x-timestamp missing or more than 5 minutes off';
      const want = Buffer.from(createHmac('sha256', o.hmacSecret).update(`${req.method}\n${path}\n${ts}\n${body}`).digest('hex'));
      const given = Buffer.from(String(req.headers['x-signature'] ?? ''));
      if (given.length !== want.length || !timingSafeEqual(given, want)) return 'x-signature does not match the request';
    }
    return null;
  };

  const report = (format: Format, nationalId: string, reference: string) => {
    const meta = { reference, reportId: `R${String(++reportNo).padStart(9, '0')}`, queriedAt: new Date().toISOString() };
    const file = creditFile(nationalId, seed);
    return format === 'json' ? jsonReport(file, meta) : xmlReport(file, meta);
  };

  const handleReport = (req: http.IncomingMessage, res: http.ServerResponse, format: Format, raw: string) => {
    let body: { nationalId?: unknown; reference?: unknown };
    try {
      body = JSON.parse(raw || '{}');
    } catch {
      return problem(res, 400, 'the request body is not JSON; send {"nationalId": "...", "reference": "..."}');
    }
    const nationalId = body.nationalId;
    const reference = String(body.reference ?? req.headers['x-request-reference'] ?? '');
    if (typeof nationalId !== 'string' || !/^[A-Za-z0-9-]{4,32}$/.test(nationalId))
      return problem(res, 400, 'nationalId must be 4 to 32 letters, digits or dashes');
    if (!reference) return problem(res, 400, 'a request reference is required (body "reference" or header x-request-reference)');
    const header = parseFaultHeader(req.headers['x-sim-fault'] as string | undefined);
    const drawn = draw.draw(faults);
    const fault = header.fault ?? drawn.fault;
    const delay = header.latencyMs ?? drawn.delayMs;
    const seen = (failures.get(reference) ?? 0) + 1;
    failures.set(reference, seen);
    if (seen <= header.failFirst || fault === 'error') {
      count('error');
      return later(delay, () => problem(res, 503, 'bureau temporarily unavailable'), res);
    }
    if (seen <= header.limitFirst || fault === 'rate-limit') {
      count('rate-limited');
      return later(
        delay,
        () => send(res, 429, JSON.stringify({ error: 'too many requests' }), 'application/json', { 'retry-after': String(faults.retryAfterSeconds) }),
        res,
      );
    }
    if (fault === 'drop') {
      count('dropped');
      return later(faults.hangMs, () => res.destroy(), res);
    }
    if (isNoHit(nationalId, seed)) {
      count('no-hit');
      return later(delay, () => problem(res, 404, 'no credit file for this person'), res);
    }
    let kept = produced.get(reference);
    if (!kept) {
      kept = { format, body: report(format, nationalId, reference), nationalId };
      produced.set(reference, kept);
    }
    const { body: text } = kept;
    const type = format === 'json' ? 'application/json' : 'application/xml';
    if (fault === 'timeout') {
      count('timeout');
      return later(faults.hangMs, () => send(res, 200, text, type), res);
    }
    if (fault === 'malformed') {
      count('malformed');
      return later(delay, () => send(res, 200, text.slice(0, Math.floor(text.length / 2)), type), res);
    }
    count('ok');
    later(delay, () => send(res, 200, text, type), res);
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sim');
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        problem(res, 413, `request bodies are at most ${MAX_BODY} bytes`);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = url.pathname;
      if (path === '/health') return send(res, 200, '{"ok":true}');
      if (path === '/billing' && req.method === 'GET') return send(res, 200, JSON.stringify(billing()));
      if (path === '/admin/faults') {
        if (req.method === 'GET') return send(res, 200, JSON.stringify(faults));
        if (req.method !== 'POST') return problem(res, 405, 'GET or POST');
        try {
          faults = checkFaults({ ...NO_FAULTS, ...JSON.parse(raw || '{}') });
        } catch (err) {
          return problem(res, 400, (err as Error).message);
        }
        return send(res, 200, JSON.stringify(faults));
      }
      if (path === '/admin/reset' && req.method === 'POST') {
        produced.clear();
        failures.clear();
        for (const k of Object.keys(requests)) delete requests[k];
        return send(res, 200, '{"ok":true}');
      }
      const denied = authorised(req, `${url.pathname}${url.search}`, raw);
      if (denied) {
        count('unauthorised');
        return problem(res, 401, denied);
      }
      const byRef = /^\/v1\/reports\/by-reference\/([^/]+)$/.exec(path);
      if (byRef && req.method === 'GET') {
        count('reconcile');
        const kept = produced.get(decodeURIComponent(byRef[1]!));
        return kept
          ? send(res, 200, kept.body, kept.format === 'json' ? 'application/json' : 'application/xml')
          : problem(res, 404, 'no report was produced for this reference');
      }
      const format = ROUTES[path];
      if (format && req.method === 'POST') return handleReport(req, res, format, raw);
      problem(res, 404, `no route ${req.method} ${path}; reports are POST /v1/reports (JSON) and POST /crr/report (XML)`);
    });
  });
  server.keepAliveTimeout = 30_000;

  const billing = (): Billing => {
    const byNationalId: Record<string, number> = {};
    for (const r of produced.values()) byNationalId[r.nationalId] = (byNationalId[r.nationalId] ?? 0) + 1;
    return { charges: produced.size, byNationalId, maxChargesPerPerson: Math.max(0, ...Object.values(byNationalId)), requests: { ...requests } };
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${o.host ?? '127.0.0.1'}:${port}`,
    port,
    setFaults: (f) => (faults = checkFaults({ ...NO_FAULTS, ...f })),
    billing,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of pending) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
