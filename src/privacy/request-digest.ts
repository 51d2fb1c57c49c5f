import { createHmac, hkdfSync } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

const keys = new WeakMap<Buffer, Buffer>();

/** A key of its own for request digests, derived from the installation's index key (never the index key itself). */
function digestKey(indexKey: Buffer): Buffer {
  let key = keys.get(indexKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', indexKey, Buffer.alloc(0), 'arbiter request digest v1', 32));
    keys.set(indexKey, key);
  }
  return key;
}

/**
 * A keyed digest (HMAC-SHA256 with a server secret) of a request, to tell a retry from a
 * different request under the same idempotency key. Unkeyed, a digest of a request is a
 * way to test guesses of what it held; the caller leaves C3 values out of `content` too.
 */
export function requestDigest(indexKey: Buffer, content: unknown): string {
  return `h1:${createHmac('sha256', digestKey(indexKey)).update(canonicalJson(content)).digest('hex')}`;
}
