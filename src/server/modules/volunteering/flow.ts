import { conflict } from "../../platform/errors.ts";
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

/** Why an action is refused in a stage, in the volunteer's and organiser's words. */
const REFUSALS: Array<[SignupAction, From[], string, string]> = [
  ["signUp", ["confirmed", "waiting", "checkedIn", "checkedOut"], "ALREADY_SIGNED_UP", "您已报名该活动"],
  ["checkIn", ["checkedIn", "checkedOut"], "ALREADY_CHECKED_IN", "该志愿者已签到，无需重复签到"],
  ["checkIn", ["waiting"], "NOT_CONFIRMED", "候补人员尚未获得名额，不能签到"],
  ["checkOut", ["checkedOut"], "ALREADY_CHECKED_OUT", "该志愿者已签退，无需重复签退"],
  ["checkOut", ["confirmed", "waiting"], "NOT_CHECKED_IN", "该志愿者尚未签到，不能签退"],
  ["cancel", ["checkedIn", "checkedOut"], "ALREADY_CHECKED_IN", "已签到的报名不能取消"],
];

/** Throws 409 with the current stage when the action is not allowed from it. */
export function assertSignupStep(action: SignupAction, stage: From): void {
  const t = SIGNUP_TRANSITIONS.find((x) => x.action === action);
  if (t?.from.includes(stage)) return;
  const refusal = REFUSALS.find(([a, from]) => a === action && from.includes(stage));
  const [code, message] = refusal
    ? [refusal[2], refusal[3]]
    : stage === "cancelled"
      ? ["SIGNUP_CANCELLED", "该报名已取消"]
      : ["ILLEGAL_TRANSITION", "当前状态不能执行该操作"];
  throw conflict(code, message, { status: stage, action });
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
  throw conflict(
    status === "cancelled" ? "ACTIVITY_CANCELLED" : "ACTIVITY_FINISHED",
    status === "cancelled" ? "该活动已取消" : "该活动已结束",
    { status },
  );
}

export function assertActivityStep(action: "cancel" | "finish", status: ActivityStatus): void {
  const t = ACTIVITY_TRANSITIONS.find((x) => x.action === action);
  if (t?.from.includes(status)) return;
  throw conflict("ILLEGAL_TRANSITION", "当前状态不能执行该操作", { status, action });
}
