import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { test } from 'node:test';
import { portOf, workersOf, type ServeFlags } from './serve-flags.ts';

const flags = (more: Partial<ServeFlags>): ServeFlags => ({ port: '3000', host: '127.0.0.1', bureauPort: '4010', ...more });
const POSTGRES = 'postgres://postgres@127.0.0.1:5432/test';

test('one server process per core on PostgreSQL, one on the embedded database, unless told', () => {
  assert.equal(workersOf(flags({ database: POSTGRES })), availableParallelism());
  assert.equal(workersOf(flags({})), 1);
  assert.equal(workersOf(flags({ database: POSTGRES, workers: '3' })), 3);
  assert.equal(workersOf(flags({ workers: '1' })), 1);
});

test('several processes on the embedded database are refused with the way out', () => {
  assert.throws(() => workersOf(flags({ workers: '2' })), /--workers 2 needs PostgreSQL \(--database postgres:\/\/\.\.\.\)/);
});

test('a count that is not a whole number from 1 to 256 is refused, naming what was given', () => {
  for (const bad of ['0', '-1', '1.5', 'two', '', '257']) {
    assert.throws(() => workersOf(flags({ database: POSTGRES, workers: bad })), new RegExp(`--workers must be a whole number from 1 to 256, got "${bad}"`));
  }
  assert.throws(() => portOf(flags({ port: '70000' })), /--port must be a whole number from 0 to 65535, got "70000"/);
});
