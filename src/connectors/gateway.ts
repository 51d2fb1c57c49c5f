import { inSpan } from '../support/telemetry.ts';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { FeelContext, FeelValue } from '../expr/index.ts';
import { blindIndex, newDataKey, openJson, sealJson, type KeyProvider } from '../privacy/index.ts';
import type { CompiledConnector } from './compile-connector.ts';
import { ConnectorFailure, type FailureCode } from './failures.ts';
import { httpCall, retryAfterMs, type HttpResponse } from './http-call.ts';
import { parseResponse } from './parse-response.ts';
import type { PullLedger, SealedReport } from './pull-ledger.ts';
import { ConnectorPolicy } from './resilience.ts';
import { systemClock, type Clock } from '../support/clock.ts';

export interface PullContext {
  consents: readonly { scope: string; grantedAt: string; expiresAt?: string | null }[];
  /** The decision request's idempotency key: a replay of it (a resume after review) reuses its report. */
  requestKey?: string | null;
  now?: Date;
}

/** Where a report came from; 'trial' is a report given by a trial or a flow's test case, never a bureau's. */
export type PullSource = 'pulled' | 'reconciled' | 'reused' | 'coalesced' | 'trial';

export type PullResult =
  | { ok: true; features: Record<string, FeelValue>; pullId: string; source: PullSource; cost: number; ms: number; attempts: number }
  | { ok: false; code: FailureCode; message: string; pullId: string | null; ms: number; attempts: number };

/** A connector version tied to a gateway: what a flow's bureau node calls. */
export interface BoundConnector {
  /** How the flow names it: "id@version", or a file path for the CLI. */
  readonly reference: string;
  readonly version: number;
  readonly connector: CompiledConnector;
  pull(inputs: FeelContext, ctx: PullContext): Promise<PullResult>;
}

/** A pull's result with the report it got, for requests coalesced onto it in this process. */
type Pulled = PullResult & { report?: StoredBody };

/** The report kept for reuse: the body as received, so that a later connector version can map it again. */
interface StoredBody {
  format: 'json' | 'xml';
  body: string;
}

type Base = { connectorId: string; connectorVersion: number; requestKey: string | null };

const aad = (pullId: string) => `bureau_pulls.report:${pullId}`;
/** Blind indexes of bureau subjects share one field name, so one person is one key for every connector. */
const SUBJECT_FIELD = 'bureau-subject';
const POLL_MS = 25;

function pullId(): string {
  return `pul_${Date.now().toString(36)}${randomBytes(8).toString('hex')}`;
}

/**
 * Every pull goes through here: consent first, then a report already held (the same request,
 * or within the reuse window), then one call per person at a time (coalesced in the process
 * and, through the ledger's pending row, across processes), under retry and circuit breaker.
 */
export class BureauGateway {
  private readonly policies = new Map<string, ConnectorPolicy>();
  private readonly inflight = new Map<string, Promise<Pulled>>();

  /** Told of every pull's result (for metrics). */
  onPull: ((connectorId: string, result: PullResult) => void) | null = null;

  constructor(
    private readonly ledger: PullLedger,
    private readonly keys: KeyProvider,
    /** The circuits' clock. */
    private readonly clock: Clock = systemClock,
  ) {}

  /** Every connector this process has called, with its circuit's state. */
  circuits(): Record<string, string> {
    return Object.fromEntries([...this.policies.entries()].map(([id, p]) => [id, p.state]));
  }

  policyFor(connector: CompiledConnector): ConnectorPolicy {
    const id = connector.definition.id;
    let p = this.policies.get(id);
    if (!p) this.policies.set(id, (p = new ConnectorPolicy(connector.definition, this.clock)));
    return p;
  }

  bind(connector: CompiledConnector, version: number, reference: string): BoundConnector {
    return {
      reference,
      version,
      connector,
      pull: async (inputs, ctx) => {
        const r = await this.pull(connector, version, inputs, ctx);
        this.onPull?.(connector.definition.id, r);
        return r;
      },
    };
  }

  circuitState(connectorId: string): string {
    return this.policies.get(connectorId)?.state ?? 'closed';
  }

  /** A pull in a span of its own (connector, version, and how it ended: pulled, reused, or the failure). */
  pull(connector: CompiledConnector, version: number, inputs: FeelContext, ctx: PullContext): Promise<PullResult> {
    return inSpan('bureau.pull', { 'arbiter.connector': connector.definition.id, 'arbiter.connector.version': version }, async (span) => {
      const r = await this.pullTraced(connector, version, inputs, ctx);
      span.setAttribute('arbiter.pull.outcome', r.ok ? r.source : r.code);
      return r;
    });
  }

  private async pullTraced(connector: CompiledConnector, version: number, inputs: FeelContext, ctx: PullContext): Promise<PullResult> {
    const t0 = performance.now();
    const def = connector.definition;
    const now = ctx.now ?? new Date();
    const subject = inputs[def.subject];
    const base = { connectorId: def.id, connectorVersion: version, requestKey: ctx.requestKey ?? null };
    const consented = ctx.consents.some(
      (c) => c.scope === def.consentScope && Date.parse(c.grantedAt) <= now.getTime() && (!c.expiresAt || Date.parse(c.expiresAt) > now.getTime()),
    );
    if (typeof subject !== 'string' || subject.trim() === '') {
      return {
        ok: false,
        code: 'rejected',
        message: `input "${def.subject}" identifies the person and must be a non-empty string`,
        pullId: null,
        ms: performance.now() - t0,
        attempts: 0,
      };
    }
    const subjectIndex = blindIndex(this.keys.indexKey, SUBJECT_FIELD, subject);
    if (!consented) {
      const id = pullId();
      const message = `no current consent with scope "${def.consentScope}": the bureau was not called`;
      await this.ledger.record({ ...base, id, subjectIndex, status: 'failed', outcome: 'no_consent', sourcePullId: null, error: message });
      return { ok: false, code: 'no_consent', message, pullId: id, ms: performance.now() - t0, attempts: 0 };
    }
    const key = `${def.id}\u0000${subjectIndex}`;
    const running = this.inflight.get(key);
    if (running) return this.coalesced(connector, inputs, await running, base, subjectIndex, t0);
    const work = this.pullOnce(connector, inputs, base, subjectIndex, now, t0);
    this.inflight.set(key, work);
    try {
      const { report: _report, ...result } = await work;
      return result as PullResult;
    } finally {
      this.inflight.delete(key);
    }
  }

  /** A second request for a person whose pull was in flight: the same report, recorded as a reuse. */
  private async coalesced(connector: CompiledConnector, inputs: FeelContext, first: Pulled, base: Base, subjectIndex: string, t0: number): Promise<PullResult> {
    if (!first.ok || !first.report) {
      const { report: _r, ...failed } = first;
      return { ...(failed as PullResult), ms: performance.now() - t0, attempts: 0 } as PullResult;
    }
    const id = pullId();
    await this.ledger.record({ ...base, id, subjectIndex, status: 'reused', outcome: 'coalesced', sourcePullId: first.pullId, error: null });
    return {
      ok: true,
      features: this.mapped(connector, first.report, inputs),
      pullId: first.pullId,
      source: 'coalesced',
      cost: 0,
      ms: performance.now() - t0,
      attempts: 0,
    };
  }

  private async pullOnce(connector: CompiledConnector, inputs: FeelContext, base: Base, subjectIndex: string, now: Date, t0: number): Promise<Pulled> {
    const def = connector.definition;
    const since = def.reuseDays > 0 ? new Date(now.getTime() - def.reuseDays * 86_400_000) : null;
    const id = pullId();
    // Another process may be pulling this person now: wait for its result rather than pay twice.
    for (;;) {
      const begun = await this.ledger.begin({ ...base, id, subjectIndex }, { since });
      if ('reuse' in begun) return this.reuse(connector, inputs, base, subjectIndex, begun.reuse.pullId, begun.reuse.report, 'reused', t0);
      if (begun.started) break;
      const other = await this.waitFor(begun.pendingId, this.budgetMs(connector));
      if (other?.status === 'success' && other.report) return this.reuse(connector, inputs, base, subjectIndex, begun.pendingId, other.report, 'coalesced', t0);
      if (other && other.status !== 'pending') {
        return {
          ok: false,
          code: (other.outcome ?? 'unavailable') as FailureCode,
          message: `a pull for the same person that was in flight failed (${other.outcome})`,
          pullId: begun.pendingId,
          ms: performance.now() - t0,
          attempts: 0,
        };
      }
      // Still pending far past any deadline: its process died mid-call. Take the inquiry over.
      await this.ledger.abandon(begun.pendingId);
    }

    const policy = this.policyFor(connector);
    let attempts = 0;
    try {
      const { report, features, reconciled } = await policy.execute(() => {
        attempts++;
        return this.attempt(connector, inputs, id);
      });
      const ms = performance.now() - t0;
      await this.ledger.complete(id, {
        status: 'success',
        outcome: reconciled ? 'reconciled' : 'ok',
        cost: def.costPerCall,
        latencyMs: ms,
        attempts,
        report: this.seal(id, report),
        error: null,
      });
      return { ok: true, features, pullId: id, source: reconciled ? 'reconciled' : 'pulled', cost: def.costPerCall, ms, attempts, report };
    } catch (err) {
      const failure =
        err instanceof ConnectorFailure ? err : new ConnectorFailure('unavailable', `unexpected error calling the bureau: ${(err as Error).message}`);
      const ms = performance.now() - t0;
      // A report that arrived but could not be mapped was still produced, and charged.
      const charged = failure.code === 'malformed' && failure.status === 200 ? def.costPerCall : 0;
      await this.ledger.complete(id, { status: 'failed', outcome: failure.code, cost: charged, latencyMs: ms, attempts, report: null, error: failure.message });
      return { ok: false, code: failure.code, message: failure.message, pullId: id, ms, attempts };
    }
  }

  /** One call: the response when it is a report; a typed failure (retryable or not) otherwise. */
  private async attempt(
    connector: CompiledConnector,
    inputs: FeelContext,
    reference: string,
  ): Promise<{ report: StoredBody; features: Record<string, FeelValue>; reconciled: boolean }> {
    const def = connector.definition;
    let response: HttpResponse;
    let reconciled = false;
    try {
      response = await httpCall(connector.request(inputs, reference), connector.agent());
    } catch (err) {
      const check = err instanceof ConnectorFailure && err.code === 'timeout' ? connector.reconcileRequest(reference) : null;
      if (!check) throw err;
      // The bureau may have produced the report and only the answer was late: ask by reference.
      const found = await httpCall(check, connector.agent()).catch(() => null);
      if (found?.status !== 200) throw err;
      response = found;
      reconciled = true;
    }
    const s = response.status;
    if (s === 200) {
      const report: StoredBody = { format: def.response.format, body: response.body };
      try {
        return { report, features: this.mapped(connector, report, inputs), reconciled };
      } catch (e) {
        if (e instanceof ConnectorFailure) throw new ConnectorFailure(e.code, e.message, false, undefined, 200);
        throw e;
      }
    }
    if (def.response.noHitStatus !== undefined && s === def.response.noHitStatus)
      throw new ConnectorFailure('no_hit', `the bureau holds no file on this person (HTTP ${s})`, false, undefined, s);
    if (s === 429) {
      const wait = retryAfterMs(response.headers['retry-after']);
      throw new ConnectorFailure(
        'rate_limited',
        `the bureau is rate limiting (HTTP 429${wait !== undefined ? `, retry after ${wait} ms` : ''})`,
        true,
        wait,
        s,
      );
    }
    if (s >= 500) throw new ConnectorFailure('unavailable', `the bureau answered HTTP ${s}`, true, undefined, s);
    if (s === 401 || s === 403)
      throw new ConnectorFailure('rejected', `the bureau refused our credentials (HTTP ${s}); check the connector's auth and its secret`, false, undefined, s);
    throw new ConnectorFailure('rejected', `the bureau rejected the request (HTTP ${s}): ${response.body.slice(0, 200)}`, false, undefined, s);
  }

  /** Features from a report; a report holding none of them is malformed, not a person with no data. */
  private mapped(connector: CompiledConnector, report: StoredBody, inputs: FeelContext): Record<string, FeelValue> {
    const features = connector.features(parseResponse(report.format, report.body), inputs);
    if (Object.values(features).every((v) => v === null))
      throw new ConnectorFailure('malformed', `the bureau's response holds none of the mapped features (${Object.keys(features).join(', ')})`);
    return features;
  }

  private async reuse(
    connector: CompiledConnector,
    inputs: FeelContext,
    base: Base,
    subjectIndex: string,
    sourceId: string,
    sealed: SealedReport,
    how: 'reused' | 'coalesced',
    t0: number,
  ): Promise<Pulled> {
    const report = this.open(sourceId, sealed);
    const features = this.mapped(connector, report, inputs);
    const id = pullId();
    await this.ledger.record({ ...base, id, subjectIndex, status: 'reused', outcome: how, sourcePullId: sourceId, error: null });
    return { ok: true, features, pullId: sourceId, source: how, cost: 0, ms: performance.now() - t0, attempts: 0, report };
  }

  private async waitFor(id: string, budgetMs: number) {
    const until = Date.now() + budgetMs;
    for (;;) {
      const row = await this.ledger.statusOf(id);
      if (row?.status !== 'pending' || Date.now() > until) return row;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  /** The longest one pull can take: every attempt timing out, with the longest backoffs, and a margin. */
  private budgetMs(connector: CompiledConnector): number {
    const d = connector.definition;
    return (d.retries.max + 1) * d.timeoutMs * 2 + d.retries.max * d.retries.maxMs + 1000;
  }

  private seal(id: string, report: StoredBody): SealedReport {
    const key = newDataKey();
    const dataKeyId = `dk_${id}`;
    const wrapped = this.keys.wrap(key, dataKeyId);
    const sealed = sealJson(key, report, aad(id));
    key.fill(0);
    return { sealed, dataKeyId, keyVersion: wrapped.version, wrapped: wrapped.wrapped };
  }

  private open(id: string, r: SealedReport): StoredBody {
    const key = this.keys.unwrap(r.keyVersion, r.wrapped, r.dataKeyId);
    try {
      return openJson<StoredBody>(key, r.sealed, aad(id));
    } finally {
      key.fill(0);
    }
  }
}
