import { registerVolunteer } from "../../testing/factories.ts";
import type { TestApp } from "../../testing/harness.ts";
import { userWithToken } from "../../testing/users.ts";

// Test data for the volunteering tests: volunteers made cheaply (users without a password, with a
// bearer token instead of a scrypt login each) and China-time moments.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CHINA = 8 * HOUR;

export interface Volunteer {
  userId: string;
  headers: Record<string, string>;
}

/** `n` residents of one household, each with a bearer token and (unless `register` is false) registered as a volunteer. */
export async function residentVolunteers(
  t: TestApp,
  n: number,
  householdId: string,
  prefix: string,
  register = true,
) {
  const out: Volunteer[] = [];
  for (let i = 0; i < n; i++) {
    const phone = `${prefix}${String(i).padStart(11 - prefix.length, "0")}`;
    const { id, headers } = await userWithToken(t.database.db, {
      phone,
      name: `志愿者${i + 1}`,
      roles: [{ role: "resident", nodeId: householdId }],
    });
    out.push({ userId: id, headers });
    if (register) await registerVolunteer(t.as(headers));
  }
  return out;
}

/** The moment `days` from today's China date at `hour` China time (18.5 = 18:30). */
export function chinaAt(days: number, hour: number, now = Date.now()): Date {
  const today = Math.floor((now + CHINA) / DAY) * DAY - CHINA;
  return new Date(today + days * DAY + hour * HOUR);
}

/** The first day from `days` on that is (or is not) a weekend in China, at `hour`. */
export function chinaDay(days: number, hour: number, weekend: boolean): Date {
  for (let d = days; ; d++) {
    const at = chinaAt(d, hour);
    const day = new Date(at.getTime() + CHINA).getUTCDay();
    if ((day === 0 || day === 6) === weekend) return at;
  }
}

export const inMinutes = (minutes: number, from = Date.now()) => new Date(from + minutes * MINUTE);
