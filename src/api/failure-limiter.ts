/**
 * Counts refused authentications per client address in fixed windows. Requests without a
 * valid key never reach the per-key rate limit, so guessing keys (or hammering a route
 * without one) is limited here, by address, before the key is even looked up.
 */
export class FailureLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    /** Addresses remembered at once; the oldest are forgotten past it, so a flood of addresses cannot fill memory. */
    private readonly capacity = 100_000,
  ) {}

  /** Seconds until the address may try again, or 0 when it may now. */
  retryAfter(address: string, now = Date.now()): number {
    const w = this.windows.get(address);
    if (!w || now - w.start >= this.windowMs || w.count < this.max) return 0;
    return Math.ceil((w.start + this.windowMs - now) / 1000);
  }

  fail(address: string, now = Date.now()): void {
    const w = this.windows.get(address);
    if (!w || now - w.start >= this.windowMs) {
      this.windows.delete(address);
      if (this.windows.size >= this.capacity) this.windows.delete(this.windows.keys().next().value!);
      this.windows.set(address, { start: now, count: 1 });
    } else w.count++;
  }
}
