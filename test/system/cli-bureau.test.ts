import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startSimProcess, type SimProcess } from '../support/bureau-sim.ts';
import { arbiter } from '../support/process.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

describe('arbiter decide with a bureau node and arbiter bureau-sim', () => {
  let sim: SimProcess;
  let dir: string;
  before(async () => {
    sim = await startSimProcess(['--seed', '1']);
    // The example flow and connector, with the connector pointed at this simulator's port.
    dir = mkdtempSync(join(tmpdir(), 'arbiter-cli-bureau-'));
    mkdirSync(join(dir, 'flows'));
    mkdirSync(join(dir, 'connectors'));
    writeFileSync(join(dir, 'flows', 'bureau-check.json'), readFileSync(join(EXAMPLES, 'flows', 'bureau-check.json')));
    writeFileSync(join(dir, 'flows', 'app.json'), readFileSync(join(EXAMPLES, 'flows', 'bureau-application.json')));
    writeFileSync(
      join(dir, 'connectors', 'sim-json-bureau.json'),
      readFileSync(join(EXAMPLES, 'connectors', 'sim-json-bureau.json'), 'utf8').replaceAll('http://127.0.0.1:4010', sim.url),
    );
  });
  after(async () => sim.stop());

  test('with consent the report decides; without, the no-consent branch; with the bureau down, the fallback', async () => {
    const run = (extra: string[]) => {
      const r = arbiter(['decide', '--flow', join(dir, 'flows', 'bureau-check.json'), '--input', join(dir, 'flows', 'app.json'), ...extra]);
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout) as { outcome: string; path: string[]; trace: { node: string; wrote: { bureau?: { bureauScore?: number } } }[] };
    };
    const consented = run(['--consent', 'credit-bureau']);
    assert.equal(consented.path[1], 'pull:ok');
    assert.equal(typeof consented.trace[1]!.wrote.bureau!.bureauScore, 'number');
    assert.deepEqual(run([]).path, ['in', 'pull:no_consent', 'noConsent']);
    await sim.setFaults({ errorRate: 1 });
    assert.deepEqual(run(['--consent', 'credit-bureau']).path, ['in', 'pull:failure', 'bureauDown']);
    await sim.setFaults({});
  });

  test('bad options of the simulator are refused with a message', () => {
    const r = arbiter(['bureau-sim', '--error-rate', '2']);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /--error-rate 2: a number from 0 to 1/);
  });
});
