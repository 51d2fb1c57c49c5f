import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 8192;
let pool = Buffer.alloc(0);
let offset = 0;

/**
 * `n` bytes from the operating system's CSPRNG, drawn from a pool filled 8 KB at a time. Each
 * draw of randomBytes is a system call that costs microseconds (7.7 µs here against 0.35 µs
 * for randomUUID, which pools the same way); a decision needs a key and several IVs. Every
 * byte is handed out once, as a copy, and never reused.
 */
export function randomBytesPooled(n: number): Buffer {
  if (n > POOL_BYTES) return randomFillSync(Buffer.allocUnsafe(n));
  if (offset + n > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(POOL_BYTES));
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + n));
  pool.fill(0, offset, offset + n);
  offset += n;
  return out;
}
