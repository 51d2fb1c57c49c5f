/**
 * FEEL's temporal values: dates, times, date-times (local, with an offset, or with an IANA
 * zone) and the two kinds of duration. Immutable; built by the parse functions below.
 */

const DAY = 86400;

function pad(n: number, width = 2): string {
  const s = String(Math.abs(Math.trunc(n)));
  return (n < 0 ? '-' : '') + s.padStart(width, '0');
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (works for negative years). */
export function epochDay(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromEpochDay(z: number): { y: number; m: number; d: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

export class FeelDate {
  constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
  ) {}
  get epochDay(): number {
    return epochDay(this.year, this.month, this.day);
  }
  static fromEpochDay(n: number): FeelDate {
    const { y, m, d } = fromEpochDay(n);
    return new FeelDate(y, m, d);
  }
  /** JSON has no temporal types: they travel as their ISO text. */
  toJSON(): string {
    return this.toString();
  }
  toString(): string {
    return `${this.year < 0 ? '-' : ''}${pad(Math.abs(this.year), 4)}-${pad(this.month)}-${pad(this.day)}`;
  }
}

/** A time of day; `offset` in seconds east of UTC, `zone` an IANA id, both null for local time. */
export class FeelTime {
  constructor(
    readonly hour: number,
    readonly minute: number,
    readonly second: number,
    readonly offset: number | null,
    readonly zone: string | null,
  ) {}
  get secondOfDay(): number {
    return this.hour * 3600 + this.minute * 60 + this.second;
  }
  /** JSON has no temporal types: they travel as their ISO text. */
  toJSON(): string {
    return this.toString();
  }
  toString(): string {
    return `${pad(this.hour)}:${pad(this.minute)}:${formatSeconds(this.second)}${formatZone(this.offset, this.zone)}`;
  }
}

export class FeelDateTime {
  constructor(
    readonly date: FeelDate,
    readonly time: FeelTime,
  ) {}
  /** Seconds since the epoch as if the wall clock were UTC. */
  get localSeconds(): number {
    return this.date.epochDay * DAY + this.time.secondOfDay;
  }
  /** The offset in force at this wall-clock time, or null for a local date-time. */
  get effectiveOffset(): number | null {
    if (this.time.offset !== null) return this.time.offset;
    if (this.time.zone !== null) return zoneOffsetAtLocal(this.time.zone, this.localSeconds);
    return null;
  }
  /** Seconds since the epoch in UTC, or null when local. */
  get instant(): number | null {
    const off = this.effectiveOffset;
    return off === null ? null : this.localSeconds - off;
  }
  /** JSON has no temporal types: they travel as their ISO text. */
  toJSON(): string {
    return this.toString();
  }
  toString(): string {
    return `${this.date.toString()}T${this.time.toString()}`;
  }
}

export class YearsMonthsDuration {
  constructor(readonly months: number) {}
  /** JSON has no temporal types: they travel as their ISO text. */
  toJSON(): string {
    return this.toString();
  }
  toString(): string {
    const m = Math.abs(this.months);
    const y = Math.floor(m / 12);
    const rest = m % 12;
    const body = (y ? `${y}Y` : '') + (rest || !y ? `${rest}M` : '');
    return `${this.months < 0 ? '-' : ''}P${body}`;
  }
}

export class DaysTimeDuration {
  constructor(readonly seconds: number) {}
  /** JSON has no temporal types: they travel as their ISO text. */
  toJSON(): string {
    return this.toString();
  }
  toString(): string {
    let s = Math.abs(this.seconds);
    const d = Math.floor(s / DAY);
    s -= d * DAY;
    const h = Math.floor(s / 3600);
    s -= h * 3600;
    const m = Math.floor(s / 60);
    s = roundNanos(s - m * 60);
    let out = this.seconds < 0 ? '-P' : 'P';
    if (d) out += `${d}D`;
    if (h || m || s || !d) {
      out += 'T';
      if (h) out += `${h}H`;
      if (m) out += `${m}M`;
      if (s || (!h && !m)) out += `${formatFraction(s)}S`;
    }
    return out;
  }
}

function roundNanos(s: number): number {
  return Math.round(s * 1e9) / 1e9;
}

function formatFraction(s: number): string {
  return String(roundNanos(s));
}

function formatSeconds(s: number): string {
  const whole = Math.floor(s);
  const frac = roundNanos(s - whole);
  return pad(whole) + (frac ? String(frac).slice(1) : '');
}

function formatZone(offset: number | null, zone: string | null): string {
  if (zone !== null) return `@${zone}`;
  if (offset === null) return '';
  if (offset === 0) return 'Z';
  const a = Math.abs(offset);
  const h = Math.floor(a / 3600);
  const m = Math.floor((a % 3600) / 60);
  const s = a % 60;
  return `${offset < 0 ? '-' : '+'}${pad(h)}:${pad(m)}${s ? `:${pad(s)}` : ''}`;
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

export function isValidZone(zone: string): boolean {
  try {
    zoneFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let f = zoneFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    zoneFormatters.set(zone, f);
  }
  return f;
}

/** The zone's offset (seconds east of UTC) at a UTC instant. */
export function zoneOffsetAtInstant(zone: string, utcSeconds: number): number {
  const parts = zoneFormatter(zone).formatToParts(new Date(utcSeconds * 1000));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  let year = get('year');
  if (parts.find((p) => p.type === 'era')?.value === 'BC') year = 1 - year;
  const local = epochDay(year, get('month'), get('day')) * DAY + get('hour') * 3600 + get('minute') * 60 + get('second');
  return local - Math.floor(utcSeconds);
}

/** The offset in force at a wall-clock time in a zone (the earlier one in a repeated hour). */
export function zoneOffsetAtLocal(zone: string, localSeconds: number): number {
  let offset = zoneOffsetAtInstant(zone, localSeconds);
  offset = zoneOffsetAtInstant(zone, localSeconds - offset);
  return offset;
}

// ---------- parsing ----------

const DATE_RE = /^(-?\d{4,9})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:(Z|z)|([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?(?:@(.+))?$/;

export function parseDate(text: string): FeelDate | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  if (m[1]!.replace('-', '').length > 4 && m[1]!.replace('-', '').startsWith('0')) return null;
  return new FeelDate(y, mo, d);
}

export function parseTime(text: string): FeelTime | null {
  const m = TIME_RE.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const s = Number(m[3]) + (m[4] ? Number(`0${m[4]}`) : 0);
  if (h > 24 || mi > 59 || s >= 60 || (h === 24 && (mi !== 0 || s !== 0))) return null;
  let offset: number | null = null;
  if (m[5]) offset = 0;
  else if (m[6]) {
    const oh = Number(m[7]);
    const om = Number(m[8]);
    if (oh > 14 || om > 59) return null;
    offset = (m[6] === '-' ? -1 : 1) * (oh * 3600 + om * 60 + Number(m[9] ?? 0));
  }
  const zone = m[10] ?? null;
  if (zone !== null && (offset !== null || !isValidZone(zone))) return null;
  return new FeelTime(h === 24 ? 0 : h, mi, s, offset, zone);
}

export function parseDateTime(text: string): FeelDateTime | null {
  const t = text.indexOf('T');
  if (t < 0) {
    const date = parseDate(text);
    return date ? new FeelDateTime(date, new FeelTime(0, 0, 0, null, null)) : null;
  }
  const date = parseDate(text.slice(0, t));
  const timeText = text.slice(t + 1);
  const time = parseTime(timeText);
  if (!date || !time) return null;
  // 24:00:00 is midnight at the end of the day: the next day's 00:00:00.
  if (timeText.startsWith('24')) return new FeelDateTime(FeelDate.fromEpochDay(date.epochDay + 1), time);
  return new FeelDateTime(date, time);
}

const YM_RE = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?$/;
// Seconds may end in a bare point (PT0.S), as Java's Duration reads them and the DMN TCK expects.
const DT_RE = /^(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d*)?)S)?)?$/;

export function parseDuration(text: string): YearsMonthsDuration | DaysTimeDuration | null {
  const ym = YM_RE.exec(text);
  if (ym && (ym[2] !== undefined || ym[3] !== undefined)) {
    const months = Number(ym[2] ?? 0) * 12 + Number(ym[3] ?? 0);
    return new YearsMonthsDuration(ym[1] ? -months || 0 : months);
  }
  const dt = DT_RE.exec(text);
  if (dt && (dt[2] !== undefined || dt[3] !== undefined || dt[4] !== undefined || dt[5] !== undefined) && !text.endsWith('T')) {
    const seconds = Number(dt[2] ?? 0) * DAY + Number(dt[3] ?? 0) * 3600 + Number(dt[4] ?? 0) * 60 + Number(dt[5] ?? 0);
    return new DaysTimeDuration(dt[1] ? -seconds || 0 : seconds);
  }
  // One mixing years or months with days or time is neither kind (table 72).
  return null;
}

/** `@"..."` literals and the `date and time`/`time`/`duration` functions share these. */
export function parseTemporalLiteral(text: string): FeelDate | FeelTime | FeelDateTime | YearsMonthsDuration | DaysTimeDuration | null {
  if (/^-?P/.test(text)) return parseDuration(text);
  // A date and time has its T right after the date: a zone id may hold a T too (@Etc/GMT).
  if (/^-?\d{4,9}-\d{2}-\d{2}T/.test(text)) return parseDateTime(text);
  if (DATE_RE.test(text)) return parseDate(text);
  return parseTime(text);
}

export const SECONDS_PER_DAY = DAY;
