import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type http from 'node:http';
import { BUILTIN_NAMES, compileNode, Env, parseExpression, toJson, type Compiled, type FeelContext, type FeelValue } from '../expr/index.ts';
import { canonicalJson } from '../privacy/index.ts';
import { connectorSchema, type ConnectorDefinition } from './definition.ts';
import { ConnectorError, ConnectorFailure } from './failures.ts';
import { agentFor, type HttpRequest } from './http-call.ts';

export interface CompiledConnector {
  readonly definition: ConnectorDefinition;
  /** SHA-256 of the canonical definition: what a pull was made with. */
  readonly contentHash: string;
  /** The request for one pull; `reference` is the ledger's inquiry id. */
  request(inputs: FeelContext, reference: string): HttpRequest;
  /** The reconciliation request after a timeout, when the connector has one. */
  reconcileRequest(reference: string): HttpRequest | null;
  /** Named features from a parsed response; null where the response lacks one. */
  features(response: FeelValue, inputs: FeelContext): Record<string, FeelValue>;
  agent(): http.Agent;
}

function plain(v: FeelValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(toJson(v));
}

function compileAt(text: string, names: string[], path: string, issues: { path: string; message: string }[]): Compiled | null {
  try {
    return compileNode(parseExpression(text, [...BUILTIN_NAMES, ...names]));
  } catch (err) {
    issues.push({ path, message: `${(err as Error).message} in "${text}"` });
    return null;
  }
}

/** Validates a connector definition and compiles its FEEL once; throws ConnectorError listing every problem. */
export function compileConnector(input: unknown): CompiledConnector {
  const parsed = connectorSchema.safeParse(input);
  if (!parsed.success)
    throw new ConnectorError(
      'invalid_connector',
      parsed.error.issues.map((i) => ({ path: `$${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`, message: i.message })),
    );
  const def = parsed.data;
  const issues: { path: string; message: string }[] = [];
  const inputNames = Object.keys(def.inputs);
  if (!def.inputs[def.subject]) issues.push({ path: '$.subject', message: `"${def.subject}" is not one of the inputs (${inputNames.join(', ')})` });
  const requestNames = [...inputNames, 'reference'];
  for (const [where, url] of [
    ['$.request.url', def.request.url],
    ['$.reconcile.url', def.reconcile?.url],
  ] as const) {
    for (const m of (url ?? '').matchAll(/\{([^}]*)\}/g)) {
      const allowed = where === '$.reconcile.url' ? ['reference'] : requestNames;
      if (!allowed.includes(m[1]!))
        issues.push({ path: where, message: `{${m[1]}} is not ${allowed.length > 1 ? `one of ${allowed.join(', ')}` : 'reference'}` });
    }
  }
  if (def.request.method === 'GET' && def.request.body)
    issues.push({ path: '$.request.body', message: 'a GET request has no body: put the values in the URL as {name}, or use POST' });
  const headers = Object.entries(def.request.headers ?? {}).map(([name, text]) => ({
    name,
    run: compileAt(text, requestNames, `$.request.headers.${name}`, issues),
  }));
  const body = Object.entries(def.request.body ?? {}).map(([name, text]) => ({ name, run: compileAt(text, requestNames, `$.request.body.${name}`, issues) }));
  const features = Object.entries(def.features).map(([name, f]) => ({
    name,
    run: compileAt(f.expression, [...inputNames, 'response'], `$.features.${name}.expression`, issues),
  }));
  if (issues.length) throw new ConnectorError('invalid_connector', issues);

  const fill = (template: string, vars: FeelContext) => template.replace(/\{([^}]*)\}/g, (_, name: string) => encodeURIComponent(plain(vars[name] ?? null)));
  const secret = (env: string): string => {
    const value = process.env[env];
    if (!value)
      throw new ConnectorFailure('rejected', `connector "${def.id}" needs its secret in the environment variable ${env}, which is not set on this server`);
    return value;
  };
  /** API key, or an HMAC over method, path, timestamp and body that the bureau recomputes. */
  const authenticate = (h: Record<string, string>, method: string, url: URL, text: string | undefined) => {
    const auth = def.auth;
    if (auth.type === 'apiKey') h[auth.header.toLowerCase()] = secret(auth.secretEnv);
    else if (auth.type === 'hmac') {
      const timestamp = new Date().toISOString();
      h[auth.timestampHeader.toLowerCase()] = timestamp;
      h[auth.header.toLowerCase()] = createHmac('sha256', secret(auth.secretEnv))
        .update(`${method}\n${url.pathname}${url.search}\n${timestamp}\n${text ?? ''}`)
        .digest('hex');
    }
  };
  let agent: http.Agent | null = null;
  const common = { timeoutMs: def.timeoutMs, maxBytes: def.response.maxBytes };

  return {
    definition: def,
    contentHash: createHash('sha256').update(canonicalJson(def)).digest('hex'),
    request(inputs, reference) {
      const vars: FeelContext = { ...inputs, reference };
      const env = Env.root(vars);
      const url = new URL(fill(def.request.url, vars));
      const h: Record<string, string> = { accept: def.response.format === 'xml' ? 'application/xml' : 'application/json', 'x-request-reference': reference };
      for (const { name, run } of headers) h[name.toLowerCase()] = plain(run!(env));
      let text: string | undefined;
      if (def.request.method === 'POST') {
        const payload: Record<string, unknown> = {};
        for (const { name, run } of body) payload[name] = toJson(run!(env));
        text = JSON.stringify(payload);
        h['content-type'] = 'application/json';
      }
      authenticate(h, def.request.method, url, text);
      return { url, method: def.request.method, headers: h, body: text, ...common };
    },
    reconcileRequest(reference) {
      if (!def.reconcile) return null;
      const h: Record<string, string> = { accept: def.response.format === 'xml' ? 'application/xml' : 'application/json', 'x-request-reference': reference };
      const url = new URL(fill(def.reconcile.url, { reference }));
      authenticate(h, 'GET', url, undefined);
      return { url, method: 'GET', headers: h, ...common };
    },
    features(response, inputs) {
      const env = Env.root({ ...inputs, response });
      const out: Record<string, FeelValue> = {};
      for (const { name, run } of features) out[name] = run!(env);
      return out;
    },
    agent() {
      if (!agent) {
        const auth = def.auth;
        const tls =
          auth.type === 'clientCertificate'
            ? { cert: readFileSync(auth.certFile), key: readFileSync(auth.keyFile), ca: auth.caFile ? readFileSync(auth.caFile) : undefined }
            : undefined;
        agent = agentFor(new URL(def.request.url), tls);
      }
      return agent;
    },
  };
}
