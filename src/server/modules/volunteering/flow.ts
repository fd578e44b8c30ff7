import { conflict } from "../../platform/errors.ts";
import type { MessageCode } from "../../platform/i18n/messages.ts";
import type { ActivityStatus, SignupStatus } from "./tables.ts";

/**
 * The sign-up state machine (flow.md). A sign-up's stage is its status plus attendance: a
 * confirmed place becomes checkedIn and then checkedOut as the organiser scans its code.
 */
export const SIGNUP_STAGES = ["waiting", "confirmed", "checkedIn", "checkedOut", "cancelled"] as const;
export type SignupStage = (typeof SIGNUP_STAGES)[number];

export const SIGNUP_ACTIONS = ["signUp", "promote", "cancel", "checkIn", "checkOut"] as const;
export type SignupAction = (typeof SIGNUP_ACTIONS)[number];

/** "none": no sign-up yet. A cancelled sign-up may sign up again (the row is reused). */
type From = SignupStage | "none";

export const SIGNUP_TRANSITIONS: ReadonlyArray<{
  action: SignupAction;
  from: readonly From[];
  to: readonly SignupStage[];
  by: "volunteer" | "organiser" | "system";
}> = [
  { action: "signUp", from: ["none", "cancelled"], to: ["confirmed", "waiting"], by: "volunteer" },
  { action: "promote", from: ["waiting"], to: ["confirmed"], by: "system" },
  { action: "cancel", from: ["confirmed", "waiting"], to: ["cancelled"], by: "volunteer" },
  { action: "checkIn", from: ["confirmed"], to: ["checkedIn"], by: "organiser" },
  { action: "checkOut", from: ["checkedIn"], to: ["checkedOut"], by: "organiser" },
];

export function stageOf(s: {
  status: SignupStatus;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
}): SignupStage {
  if (s.status !== "confirmed") return s.status;
  if (s.checkedOutAt) return "checkedOut";
  return s.checkedInAt ? "checkedIn" : "confirmed";
}

/** Why an action is refused in a stage: the code whose text says it to the volunteer and organiser. */
const REFUSALS: Array<[SignupAction, From[], MessageCode]> = [
  ["signUp", ["confirmed", "waiting", "checkedIn", "checkedOut"], "ALREADY_SIGNED_UP"],
  ["checkIn", ["checkedIn", "checkedOut"], "ALREADY_CHECKED_IN"],
  ["checkIn", ["waiting"], "NOT_CONFIRMED"],
  ["checkOut", ["checkedOut"], "ALREADY_CHECKED_OUT"],
  ["checkOut", ["confirmed", "waiting"], "NOT_CHECKED_IN"],
  ["cancel", ["checkedIn", "checkedOut"], "ALREADY_CHECKED_IN"],
];

/** Throws 409 with the current stage when the action is not allowed from it. */
export function assertSignupStep(action: SignupAction, stage: From): void {
  const t = SIGNUP_TRANSITIONS.find((x) => x.action === action);
  if (t?.from.includes(stage)) return;
  const refusal = REFUSALS.find(([a, from]) => a === action && from.includes(stage));
  const code = refusal ? refusal[2] : stage === "cancelled" ? "SIGNUP_CANCELLED" : "ILLEGAL_TRANSITION";
  throw conflict(code, { status: stage, action });
}

/** Activities: published open; cancelled by staff; finished once over (the job writes it). */
export const ACTIVITY_TRANSITIONS: ReadonlyArray<{
  action: "cancel" | "finish";
  from: readonly ActivityStatus[];
  to: ActivityStatus;
}> = [
  { action: "cancel", from: ["open"], to: "cancelled" },
  { action: "finish", from: ["open"], to: "finished" },
];

/** The status as people see it: an open activity whose time is over is finished, job or not. */
export function statusAt(a: { status: ActivityStatus; endsAt: Date }, now: Date): ActivityStatus {
  return a.status === "open" && a.endsAt <= now ? "finished" : a.status;
}

/** Sign-ups, cancellations and attendance need an activity that is neither cancelled nor over. */
export function assertActivityOpen(a: { status: ActivityStatus; endsAt: Date }, now: Date): void {
  const status = statusAt(a, now);
  if (status === "open") return;
  throw conflict(status === "cancelled" ? "ACTIVITY_CANCELLED" : "ACTIVITY_FINISHED", { status });
}

export function assertActivityStep(action: "cancel" | "finish", status: ActivityStatus): void {
  const t = ACTIVITY_TRANSITIONS.find((x) => x.action === action);
  if (t?.from.includes(status)) return;
  throw conflict("ILLEGAL_TRANSITION", { status, action });
}
