/**
 * Calendar-day arithmetic on `YYYY-MM-DD` strings. A calendar day has no time zone: a due date
 * must not move when a phone changes time zone, so we compute in UTC and never expose a `Date`.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isValidIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function assertIsoDate(value: IsoDate): void {
  if (!isValidIsoDate(value)) throw new RangeError(`Invalid calendar date: ${value}`);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toEpochDay(date: IsoDate): number {
  assertIsoDate(date);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromEpochDay(epochDay: number): IsoDate {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Adds calendar months; the day is clamped to the month's end (31 January + 1 month = 28/29 February). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  assertIsoDate(date);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Whole calendar months completed from `from` to `to` (0 when `to` is before `from` + 1 month). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  if (to < from) return -monthsBetween(to, from);
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  if (addMonths(from, months) > to) months -= 1;
  return months;
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Today's calendar day in the given IANA time zone (the only place that reads a clock's date). */
export function isoDateInTimeZone(instant: Date, timeZone = "Europe/Paris"): IsoDate {
  return formatter(`iso ${timeZone}`, () => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })).format(instant);
}

/** French month names (Académie française, lower case), January first. */
const FRENCH_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"] as const;

/**
 * "22 novembre 2026", "1er mai 2027": French writes the first day of a month as an ordinal
 * (« 1er »), which `Intl` does not do. Written out rather than by `Intl.DateTimeFormat` (issue 19): the first `Intl`
 * formatter a page makes loads the locale's data on the main thread (about 20–30 ms on this machine, four times that
 * on a slow phone), which the place page and every French date paid during hydration; the output is the same
 * (dates.test.ts compares the two).
 */
export function formatFrenchDate(date: IsoDate): string {
  assertIsoDate(date);
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return `${day === 1 ? "1er" : day} ${FRENCH_MONTHS[month - 1]} ${year}`;
}

// Formatters are costly to create (tens of milliseconds on a slow phone): made on first use, then kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, create: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let found = formatters.get(key);
  if (!found) formatters.set(key, (found = create()));
  return found;
}
