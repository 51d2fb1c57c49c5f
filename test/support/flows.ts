import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Server } from '../../src/api/index.ts';
import { createFlow, publishVersion, type Database, type DecisionRecord } from '../../src/store/index.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples', 'flows');

export const demoFlow = (): Record<string, unknown> => JSON.parse(readFileSync(join(EXAMPLES, 'consumer-lending.json'), 'utf8'));
export const demoApplication = (): Record<string, unknown> => JSON.parse(readFileSync(join(EXAMPLES, 'application.json'), 'utf8'));
/** An application that lands in tier C and waits for an underwriter. */
export const reviewApplication = (): Record<string, unknown> => ({ ...demoApplication(), bureauScore: 600 });

/** The demo flow, created and published as version 1. */
export async function publishDemoFlow(db: Database): Promise<void> {
  const def = demoFlow();
  await createFlow(db, 'consumer-lending', String(def.name), def, { actor: 'test' });
  await publishVersion(db, 'consumer-lending', 1, { actor: 'test' }, () => {});
}

/** A flow that approves every application of the given input fields: for suites about what a decision stores, not how it decides. */
export const approvingFlow = (id: string, name: string, fields: Record<string, { type: string; class: string; required?: boolean }>) => ({
  id,
  name,
  input: { fields },
  nodes: [
    { id: 'in', kind: 'input' },
    { id: 'yes', kind: 'output', outcome: 'approve' },
  ],
  edges: [{ from: 'in', to: 'yes' }],
});

export const uniqueKey = () => `key-${randomBytes(6).toString('hex')}`;

/** A decision waiting at a review node; returns its review id. */
export async function pendingReview(server: Server): Promise<{ decisionId: string; reviewId: string }> {
  const { decision } = await server.services.decisions.decide(
    { flow: 'consumer-lending', application: reviewApplication(), idempotencyKey: uniqueKey() },
    { actor: 'test' },
  );
  return { decisionId: decision.id, reviewId: decision.pendingReviewId! };
}

/**
 * Decides many applications of one flow, `concurrency` at a time (as many clients would), and
 * returns the decisions in the order of the applications: histories of thousands of decisions
 * are made in seconds rather than one commit after another.
 */
export async function decideMany(server: Server, flow: string, applications: Record<string, unknown>[], concurrency = 32): Promise<DecisionRecord[]> {
  const out: DecisionRecord[] = new Array(applications.length);
  let next = 0;
  const client = async () => {
    for (let i = next++; i < applications.length; i = next++) {
      out[i] = (await server.services.decisions.decide({ flow, application: applications[i]!, idempotencyKey: uniqueKey() }, { actor: 'test' })).decision;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, applications.length) }, client));
  return out;
}
