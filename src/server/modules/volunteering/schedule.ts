import { unprocessable } from "../../platform/errors.ts";
import type { ScheduleMode } from "./tables.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const CHINA_OFFSET = 8 * HOUR;
/** 在职党员错时: after the working day, from 18:00 China time, or at the weekend. */
const AFTER_HOURS_FROM = 18 * 60;
/** Check-in opens this long before the start (of the activity or the booked slot). */
export const CHECKIN_OPENS_BEFORE = 30 * MINUTE;
const MAX_LENGTH = 7 * 24 * HOUR;
const MAX_SLOTS = 96;

export interface Schedule {
  mode: ScheduleMode;
  startsAt: Date;
  endsAt: Date;
  slotMinutes?: number | null;
}

export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

/** Weekday (0 = Sunday) and minute of the day in China time (UTC+8, no daylight saving). */
function chinaClock(at: Date) {
  const local = new Date(at.getTime() + CHINA_OFFSET);
  return { weekday: local.getUTCDay(), minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

export function isAfterHours(at: Date): boolean {
  const { weekday, minute } = chinaClock(at);
  return weekday === 0 || weekday === 6 || minute >= AFTER_HOURS_FROM;
}

/** The rules of a schedule, each broken one a 422 that says what to change. */
export function checkSchedule(s: Schedule, now: Date): void {
  const length = s.endsAt.getTime() - s.startsAt.getTime();
  if (length <= 0) throw unprocessable("ENDS_BEFORE_START", { field: "endsAt" });
  if (length > MAX_LENGTH) throw unprocessable("ACTIVITY_TOO_LONG", { field: "endsAt" });
  if (s.endsAt <= now) throw unprocessable("ACTIVITY_IN_PAST", { field: "endsAt" });
  if (s.mode === "afterHours" && !isAfterHours(s.startsAt)) {
    const local = new Date(s.startsAt.getTime() + CHINA_OFFSET).toISOString().slice(0, 16).replace("T", " ");
    throw unprocessable("NOT_AFTER_HOURS", {
      field: "startsAt",
      startsAt: s.startsAt.toISOString(),
      chinaTime: local,
    });
  }
  if (s.mode === "byAppointment") {
    if (!s.slotMinutes)
      throw unprocessable("SLOT_MINUTES_REQUIRED", {
        field: "slotMinutes",
      });
    if (length % (s.slotMinutes * MINUTE) !== 0)
      throw unprocessable("SLOTS_UNEVEN", { field: "slotMinutes", slotMinutes: s.slotMinutes });
    if (length / (s.slotMinutes * MINUTE) > MAX_SLOTS)
      throw unprocessable("TOO_MANY_SLOTS", { field: "slotMinutes", max: MAX_SLOTS });
  } else if (s.slotMinutes) throw unprocessable("SLOTS_BY_APPOINTMENT_ONLY", { field: "slotMinutes" });
}

/** The bookable slots: the whole activity as one, or by appointment its time cut into slots. */
export function slotsOf(s: Schedule): Slot[] {
  if (s.mode !== "byAppointment" || !s.slotMinutes) return [{ startsAt: s.startsAt, endsAt: s.endsAt }];
  const step = s.slotMinutes * MINUTE;
  const out: Slot[] = [];
  for (let t = s.startsAt.getTime(); t + step <= s.endsAt.getTime(); t += step)
    out.push({ startsAt: new Date(t), endsAt: new Date(t + step) });
  return out;
}

/**
 * The slot a sign-up asks for: by appointment one of the activity's slots (required), otherwise
 * none may be named. Returns the slot, and the value stored in slot_starts_at.
 */
export function slotFor(s: Schedule, slotStartsAt: string | undefined): { slot: Slot; stored: Date | null } {
  if (s.mode !== "byAppointment") {
    if (slotStartsAt)
      throw unprocessable("SLOTS_BY_APPOINTMENT_ONLY", {
        field: "slotStartsAt",
      });
    return { slot: { startsAt: s.startsAt, endsAt: s.endsAt }, stored: null };
  }
  if (!slotStartsAt) throw unprocessable("SLOT_REQUIRED", { field: "slotStartsAt" });
  const at = new Date(slotStartsAt).getTime();
  const slot = slotsOf(s).find((x) => x.startsAt.getTime() === at);
  if (!slot) throw unprocessable("UNKNOWN_SLOT", { field: "slotStartsAt" });
  return { slot, stored: slot.startsAt };
}

/** The slot a stored sign-up holds (the whole activity when not by appointment). */
export function slotOfSignup(s: Schedule, slotStartsAt: Date | null): Slot {
  if (!slotStartsAt || !s.slotMinutes) return { startsAt: s.startsAt, endsAt: s.endsAt };
  return { startsAt: slotStartsAt, endsAt: new Date(slotStartsAt.getTime() + s.slotMinutes * MINUTE) };
}

/** Service hours: the time between check-in and check-out, rounded down to half an hour, capped at the slot. */
export function hoursServed(checkedInAt: Date, checkedOutAt: Date, slot: Slot): number {
  const served = Math.min(
    checkedOutAt.getTime() - checkedInAt.getTime(),
    slot.endsAt.getTime() - slot.startsAt.getTime(),
  );
  return Math.max(0, Math.floor(served / (30 * MINUTE)) / 2);
}
