import type { Rng } from "./random.ts";

const DAY = 86_400_000;
/** Ages and dates are relative to this fixed day, never to the clock, so output does not drift. */
const REFERENCE = Date.UTC(2026, 10, 25);
// Nobody is born in the last month before the reference day: such babies are rarely registered yet,
// and it keeps every birth date safely in the past for the ID validator.
const LATEST_BIRTH = REFERENCE - 30 * DAY;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function yearsBefore(ms: number, years: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear() - years, d.getUTCMonth(), d.getUTCDate());
}

/** A birth date (YYYY-MM-DD) of someone exactly `age` years old on the reference day. */
export function birthDateForAge(rng: Rng, age: number): string {
  const latest = Math.min(yearsBefore(REFERENCE, age), LATEST_BIRTH);
  const earliest = yearsBefore(REFERENCE, age + 1) + DAY;
  return isoDate(earliest + rng.int(0, Math.max(0, Math.round((latest - earliest) / DAY))) * DAY);
}

/** A day within the year after someone (born on `birthDate`) turned `age`, and before the reference day. */
export function dateAtAge(rng: Rng, birthDate: string, age: number): string {
  const birth = Date.parse(birthDate);
  const from = yearsBefore(birth, -age);
  const to = Math.min(from + 364 * DAY, REFERENCE - 60 * DAY);
  return isoDate(from + rng.int(0, Math.max(0, Math.round((to - from) / DAY))) * DAY);
}
