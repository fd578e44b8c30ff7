import type { CaseStatus } from "../../modules/cases/flow.ts";
import { CASE_TEXTS, CATEGORY_DEPARTMENTS, NOTES, RATING_COMMENTS } from "./case-texts.ts";
import type { Rng } from "./random.ts";
import type { DemoActor, DemoCase, DemoCaseEvent } from "./types.ts";

/**
 * A demo case's path through the flow (flow.ts): the steps with their times are planned here, then
 * cut at the anchor time ("now") by case-state.ts, so recent cases are still open and old ones closed.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type Who = "grid" | "community" | "street" | "department" | "reporter" | "followUp" | "system";

export interface Step {
  at: number;
  action: DemoCaseEvent["action"];
  /** Status-changing steps only. */
  to?: CaseStatus;
  who: Who;
  note?: string;
  data?: Record<string, unknown>;
  /** The department the case is with after this step (assign), or none (return). */
  department?: string | null;
  /** The whistle step: the departments called. */
  whistles?: Array<{ departmentCode: string; deadline: number; request: string }>;
  /** A department's accept/report or the community's rating of one whistle. */
  whistleStep?: { index: number; step: "accept" | "report" | "rate"; score?: number };
}

export interface Sla {
  duplicateMeters: number;
  responseMinutes: number;
  resolveMinutes: number;
  remindMinutes: number;
}

/** Everything about a case except its path; `actor` names who acts for each level. */
export interface Draft {
  key: string;
  channel: DemoCase["channel"];
  categoryCode: string;
  sla: Sla;
  start: CaseStatus;
  departmentCode?: string;
  createdAt: number;
  /** Whistles here must leave out these departments (see cases.ts). */
  avoidDepartments: readonly string[];
  actor(who: Who, departmentCode?: string): DemoActor | undefined;
  base: Omit<
    DemoCase,
    | "code"
    | "status"
    | "departmentCode"
    | "createdAt"
    | "updatedAt"
    | "responseDueAt"
    | "resolveDueAt"
    | "slaDone"
    | "needsReview"
    | "events"
    | "whistles"
  >;
}

const between = (rng: Rng, a: number, b: number) => a + (b - a) * rng.next();
/** Times to the second, as a person's action would be recorded. */
const sec = (t: number) => Math.round(t / 1000) * 1000;
const chinaHour = (t: number) => new Date(t + 8 * HOUR).getUTCHours();

/** Offices work 8:00–21:00 China time: a step due outside moves to the next morning. */
function office(rng: Rng, t: number): number {
  const h = chinaHour(t);
  if (h >= 8 && h < 21) return sec(t);
  const dayStart = Math.floor((t + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
  return dayStart + (h >= 21 ? DAY : 0) + 8 * HOUR + rng.int(0, 90 * 60) * 1000;
}

type Plan =
  | "short"
  | "up"
  | "upDispatch"
  | "whistle"
  | "street"
  | "withdraw"
  | "communitySolve"
  | "deptReturn";

const PLANS: Record<"new" | "communityDispatch" | "departmentClaim", Partial<Record<Plan, number>>> = {
  new: { short: 74, up: 10, upDispatch: 4, whistle: 6, street: 5, withdraw: 1 },
  communityDispatch: { communitySolve: 40, upDispatch: 38, whistle: 12, street: 10 },
  departmentClaim: { short: 88, deptReturn: 12 },
};
/** Questions and errands stay in the community; a one-key call is the grid's, on the spot. */
const PLANS_OF: Record<string, Partial<Record<Plan, number>>> = {
  consultation: { communitySolve: 65, upDispatch: 35 },
  errand: { communitySolve: 55, upDispatch: 45 },
  elderlyHelp: { short: 1 },
};

/** The steps of a case from submission to its (planned) rating, not yet cut at now. */
export function planPath(rng: Rng, d: Draft, forced?: Plan): Step[] {
  const { sla } = d;
  const table = { ...(PLANS_OF[d.categoryCode] ?? PLANS[d.start as keyof typeof PLANS]) };
  // Whistles and departments take days: rarer for what must be done within a day or two.
  if (sla.resolveMinutes < 2 * 1440)
    for (const p of ["whistle", "street"] as const) table[p] = (table[p] ?? 0) * 0.3;
  let plan = forced ?? rng.weightedKey(table as Record<Plan, number>);
  // Only a resident who asked himself withdraws.
  if (plan === "withdraw" && d.channel !== "selfService") plan = "short";
  const steps: Step[] = [];
  let t = d.createdAt;
  const add = (minutes: number, step: Omit<Step, "at">, inOffice = false): Step => {
    t = sec(t + Math.max(1, minutes) * MINUTE);
    if (inOffice) t = office(rng, t);
    const added = { ...step, at: t };
    steps.push(added);
    return added;
  };
  // The first action comes within the response time (community and departments are late now and then);
  // the whole case takes a share of the resolution time, more than all of it for a few.
  const lateResponse = d.start !== "new" && rng.chance(0.05);
  const respond = () =>
    sla.responseMinutes * (lateResponse ? between(rng, 1.2, 3) : 0.1 + 0.8 * rng.next() ** 2);
  const lateBy = plan === "street" || plan === "deptReturn" ? 0.3 : plan === "short" ? 0.04 : 0.07;
  const budget =
    sla.resolveMinutes * (rng.chance(lateBy) ? between(rng, 1.05, 2.2) : between(rng, 0.15, 0.9));
  const resolveAt = (who: Who, inOffice = false) =>
    add(Math.max(5, (d.createdAt + budget * MINUTE - t) / MINUTE), resolve(rng, d, who), inOffice);
  const escalateGrid = () =>
    add(respond(), {
      action: "escalate",
      to: "communityDispatch",
      who: "grid",
      note: rng.pick(NOTES.escalateGrid),
    });

  switch (plan) {
    case "short":
      if (d.start === "departmentClaim") {
        add(respond(), { action: "claim", to: "departmentHandling", who: "department" });
        resolveAt("department", true);
      } else {
        add(respond(), { action: "receive", to: "gridHandling", who: "grid" });
        resolveAt("grid");
      }
      break;
    case "up":
      if (rng.chance(0.5)) add(respond(), { action: "receive", to: "gridHandling", who: "grid" });
      escalateGrid();
      resolveAt("community");
      break;
    case "upDispatch":
      if (d.start === "new") escalateGrid();
      add(d.start === "new" ? between(rng, 10, 240) : respond(), {
        action: "dispatch",
        to: "gridHandling",
        who: "community",
        note: rng.pick(NOTES.dispatch),
      });
      resolveAt("grid");
      break;
    case "communitySolve":
      add(respond(), resolve(rng, d, "community"));
      break;
    case "withdraw":
      add(respond(), { action: "receive", to: "gridHandling", who: "grid" });
      add(between(rng, 20, 600), {
        action: "withdraw",
        to: "withdrawn",
        who: "reporter",
        note: rng.pick(NOTES.withdraw),
      });
      return steps;
    case "whistle": {
      if (d.start === "new") escalateGrid();
      const call = add(d.start === "new" ? between(rng, 60, 480) : respond(), {
        action: "whistle",
        who: "community",
      });
      Object.assign(call, whistle(rng, d, call.at));
      let lastReport = t;
      (call.whistles ?? []).forEach((w, index) => {
        // A few departments accept late or report after the deadline (overdue).
        const accepted = sec(t + (rng.chance(0.05) ? between(rng, 30, 90) : between(rng, 0.3, 6)) * HOUR);
        const reported = sec(
          rng.chance(0.1)
            ? Math.max(accepted + HOUR, w.deadline + between(rng, 2, 30) * HOUR)
            : Math.max(
                accepted + 30 * MINUTE,
                Math.min(accepted + between(rng, 3, 40) * HOUR, w.deadline - between(rng, 1, 6) * HOUR),
              ),
        );
        const rated = office(rng, reported + between(rng, 1, 24) * HOUR);
        const score = rng.weightedNumber({ 5: 45, 4: 38, 3: 13, 2: 4 });
        const data = { departmentCode: w.departmentCode, whistleIndex: index };
        steps.push(
          {
            at: accepted,
            action: "whistle",
            who: "department",
            data,
            whistleStep: { index, step: "accept" },
          },
          {
            at: reported,
            action: "whistle",
            who: "department",
            note: rng.pick(NOTES.report),
            data,
            whistleStep: { index, step: "report" },
          },
          {
            at: rated,
            action: "whistle",
            who: "community",
            note: rng.pick(RATING_COMMENTS[score] ?? [""]) || undefined,
            data,
            whistleStep: { index, step: "rate", score },
          },
        );
        lastReport = Math.max(lastReport, reported);
      });
      t = lastReport;
      add(between(rng, 60, 720), resolve(rng, d, "community"));
      break;
    }
    case "street":
    case "deptReturn": {
      if (plan === "street") {
        if (d.start === "new") escalateGrid();
        add(d.start === "new" ? between(rng, 60, 720) : respond(), {
          action: "escalate",
          to: "streetReview",
          who: "community",
          note: rng.pick(NOTES.escalateCommunity),
        });
      } else {
        const note = rng.pick(NOTES.returned);
        add(respond(), { action: "return", to: "streetReview", who: "department", note, department: null });
      }
      const options = (CATEGORY_DEPARTMENTS[d.categoryCode] ?? ["civil"]).filter(
        (c) => c !== d.departmentCode,
      );
      const department = rng.pick(options.length > 0 ? options : ["civil"]);
      add(between(rng, 60, 1440), assign(department), true);
      add(between(rng, 30, 1440), { action: "claim", to: "departmentHandling", who: "department" }, true);
      add(between(rng, 1, 4) * 1440, resolve(rng, d, "department"), true);
      break;
    }
  }
  rate(rng, d, steps);
  return steps.sort((a, b) => a.at - b.at);
}

function resolve(rng: Rng, d: Draft, who: Who): Omit<Step, "at"> {
  return {
    action: "resolve",
    to: "resolved",
    who,
    note: rng.pick(CASE_TEXTS[d.categoryCode]?.solved ?? ["已处理"]),
  };
}

function assign(departmentCode: string): Omit<Step, "at"> {
  return {
    action: "assign",
    to: "departmentClaim",
    who: "street",
    department: departmentCode,
    data: { departmentCode },
  };
}

function whistle(rng: Rng, d: Draft, at: number): Omit<Step, "at"> {
  const options = (CATEGORY_DEPARTMENTS[d.categoryCode] ?? []).filter((c) => !d.avoidDepartments.includes(c));
  const pool = options.length > 0 ? options : ["civil"];
  const codes = rng.sample(pool, rng.weightedNumber({ 1: 55, 2: 35, 3: 10 }));
  const note = rng.pick(NOTES.whistle);
  const deadline = at + rng.pick([24, 48, 72]) * HOUR;
  return {
    action: "whistle",
    to: "whistled",
    who: "community",
    note,
    data: { departmentCodes: codes, deadline: new Date(deadline).toISOString() },
    whistles: codes.map((departmentCode) => ({ departmentCode, deadline, request: note })),
  };
}

/** 群众评单: the reporter rates, or the community calls back; ≤ 2 reopens, the community solves it again. */
function rate(rng: Rng, d: Draft, steps: Step[]) {
  let t = steps[steps.length - 1]?.at ?? d.createdAt;
  for (let round = 0; round < 2; round++) {
    const byReporter = rng.chance(0.65);
    t = office(rng, t + (byReporter ? between(rng, 0.5, 72) * HOUR : between(rng, 1, 5) * DAY));
    const score =
      round === 0
        ? rng.weightedNumber({ 5: 72, 4: 20, 3: 5, 2: 1.9, 1: 1.1 })
        : rng.weightedNumber({ 5: 45, 4: 45, 3: 10 });
    const comment = rng.pick(RATING_COMMENTS[score] ?? [""]);
    const reopened = score <= 2;
    steps.push({
      at: t,
      action: "rate",
      to: reopened ? "communityDispatch" : "closed",
      who: byReporter ? "reporter" : "followUp",
      note: (byReporter ? comment : `电话回访：${comment || "满意"}`) || undefined,
      data: reopened ? { score, reopened: true } : { score },
    });
    if (!reopened) return;
    t = office(rng, t + between(rng, 1, 3) * DAY);
    steps.push({ at: t, ...resolve(rng, d, "community") });
  }
}
