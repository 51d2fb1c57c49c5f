import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryPlan, sharedWasmMemory } from './shared-memory.ts';

test('a shared WebAssembly memory is made, or refused with what it was for and what to do', () => {
  const memory = sharedWasmMemory(100_000, 'training', 'train on fewer rows');
  assert.ok(memory.buffer instanceof SharedArrayBuffer);
  assert.ok(memory.buffer.byteLength >= 100_000);
  assert.throws(() => sharedWasmMemory(5 * 2 ** 30, 'training', 'train on a sample of the rows'), {
    message: 'training needs 5.00 GiB of memory, more than the 4 GiB one WebAssembly memory can hold: train on a sample of the rows',
  });
});

test('a memory plan puts regions one after another on 16-byte boundaries', () => {
  const plan = new MemoryPlan();
  assert.deepEqual([plan.place(10), plan.place(3), plan.place(0), plan.place(16)], [0, 16, 32, 32]);
  assert.equal(plan.bytes, 48);
});
