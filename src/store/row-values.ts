/** pg and PGlite hand back some column types differently; these read either the same way. */

/** timestamptz as ISO text (pg gives Date; PGlite gives Date too, but nulls pass through). */
export const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** json columns: pg parses them, a text path gives strings. */
export const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

/** bytea: pg gives Buffers, PGlite Uint8Arrays. */
export const buf = (v: Buffer | Uint8Array | null): Buffer | null => (v === null ? null : Buffer.isBuffer(v) ? v : Buffer.from(v));
