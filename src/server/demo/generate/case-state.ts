import { type CaseStatus, LEVEL_ABOVE, LEVEL_OF } from "../../modules/cases/flow.ts";
import { type Draft, HOUR, MINUTE, type Step } from "./case-flow.ts";
import type { DemoActor, DemoCase, DemoCaseEvent, DemoWhistle } from "./types.ts";

const DEADLINE_NAMES = { response: "响应", resolve: "办结" };
/** As the deadlines job (jobs.ts) signs its events. */
const SYSTEM: DemoActor = { name: "系统" };

/** A deadline as people read it: China time, to the minute ("11/25 09:30"). */
function clock(t: number): string {
  const d = new Date(t + 8 * HOUR);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/**
 * The case as it stands at `now`: steps up to now (and, for a scripted case, status changes up to
 * `stopAt` only), with the reminders and supervision the deadlines job would have added.
 */
export function materialize(d: Draft, planned: Step[], now: number, stopAt?: CaseStatus): DemoCase {
  let steps = planned;
  if (stopAt) {
    const stop = stopAt === d.start ? -1 : steps.findIndex((s) => s.to === stopAt);
    if (stop < 0 && stopAt !== d.start) throw new Error(`demo case ${d.key} never reaches ${stopAt}`);
    steps = steps.filter((s, i) => i <= stop || s.to === undefined);
    // Scripted cases are placed back in time until the chosen status has been reached.
    const last = Math.max(...steps.slice(0, stop + 1).map((s) => s.at), d.createdAt);
    const shift = Math.max(0, last - (now - 2 * MINUTE));
    if (shift > 0) {
      d.createdAt -= shift;
      steps = steps.map((s) => ({
        ...s,
        at: s.at - shift,
        whistles: s.whistles?.map((w) => ({ ...w, deadline: w.deadline - shift })),
      }));
    }
  }
  steps = steps.filter((s) => s.at <= now);
  const changes = steps.filter((s) => s.to);
  const status = (t: number): CaseStatus => {
    let st = d.start;
    for (const s of changes) if (s.at <= t) st = s.to as CaseStatus;
    return st;
  };
  const firstOpenFrom = (t: number) =>
    LEVEL_OF[status(t)] !== undefined
      ? t
      : changes.find((s) => s.at > t && LEVEL_OF[s.to as CaseStatus] !== undefined)?.at;

  const c: DemoCase = {
    ...d.base,
    code: "",
    status: d.start,
    departmentCode: d.departmentCode,
    createdAt: d.createdAt,
    updatedAt: d.createdAt,
    responseDueAt: d.createdAt + d.sla.responseMinutes * MINUTE,
    resolveDueAt: d.createdAt + d.sla.resolveMinutes * MINUTE,
    slaDone: [],
    needsReview: false,
    events: [],
    whistles: [],
  };
  // Entered by: the resident or worker himself, the hall's staff for a walk-in; a device has no person.
  const submitter =
    d.channel === "hotline"
      ? { name: "12345热线" }
      : d.channel === "device"
        ? { name: "一键通" }
        : d.actor(d.channel === "walkIn" ? "community" : "reporter");
  c.events.push({
    at: d.createdAt,
    action: "submit",
    to: d.start,
    actor: submitter,
    note: c.description,
    data: c.suggestedMasterKey
      ? { channel: c.channel, suggestedMasterKey: c.suggestedMasterKey }
      : { channel: c.channel },
  });

  for (const s of steps) {
    const whistle = s.whistleStep ? c.whistles[s.whistleStep.index] : undefined;
    const event: DemoCaseEvent = {
      at: s.at,
      action: s.action,
      actor: d.actor(s.who, (s.data?.departmentCode as string | undefined) ?? c.departmentCode),
      note: s.note,
      data: s.data ?? {},
    };
    if (s.to) Object.assign(event, { from: c.status, to: s.to });
    c.events.push(event);
    if (whistle && s.whistleStep) {
      const ws = s.whistleStep;
      if (ws.step === "accept") whistle.acceptedAt = s.at;
      if (ws.step === "report") Object.assign(whistle, { reportedAt: s.at, report: s.note });
      if (ws.step === "rate") Object.assign(whistle, { score: ws.score, ratingComment: s.note });
      whistle.status = ({ accept: "accepted", report: "reported", rate: "rated" } as const)[ws.step];
      if (ws.step !== "rate" && s.at > whistle.deadline) whistle.overdue = true;
    }
    if (!s.to) continue;
    for (const w of s.whistles ?? []) {
      c.whistles.push({
        ...w,
        status: "pending",
        createdAt: s.at,
        whistledBy: d.actor("community"),
        overdue: false,
      } satisfies DemoWhistle);
    }
    if (s.who !== "reporter" && s.who !== "system" && c.respondedAt === undefined) c.respondedAt = s.at;
    if (s.department !== undefined) c.departmentCode = s.department ?? undefined;
    if (s.action === "resolve") c.resolvedAt = s.at;
    if (s.action === "rate") {
      c.rating = s.data?.score as number;
      c.ratingComment = s.note;
      if (s.to === "closed") c.closedAt = s.at;
      else Object.assign(c, { needsReview: true, resolvedAt: undefined });
    }
    c.status = s.to;
    c.updatedAt = s.at;
  }
  // The deadlines job flags a whistle whose deadline passed before its report.
  for (const w of c.whistles)
    if ((w.status === "pending" || w.status === "accepted") && w.deadline <= now) w.overdue = true;
  supervise(c, d, now, status, firstOpenFrom);
  c.events.sort((a, b) => a.at - b.at);
  return c;
}

/** What the deadlines job (jobs.ts) does: remind before a deadline, supervise from the level above after it. */
function supervise(
  c: DemoCase,
  d: Draft,
  now: number,
  status: (t: number) => CaseStatus,
  firstOpenFrom: (t: number) => number | undefined,
) {
  const remind = d.sla.remindMinutes * MINUTE;
  const fire = (deadline: "response" | "resolve", kind: "remind" | "escalate", at: number | undefined) => {
    if (at === undefined || at > now) return;
    const due = deadline === "response" ? c.responseDueAt : c.resolveDueAt;
    // Escalation marks the reminder done too.
    for (const k of kind === "remind" ? ["remind"] : ["escalate", "remind"])
      if (!c.slaDone.includes(`${deadline}.${k}`)) c.slaDone.push(`${deadline}.${k}`);
    if (kind === "remind") {
      c.events.push({
        at,
        action: "remind",
        actor: SYSTEM,
        note: `${DEADLINE_NAMES[deadline]}时限 ${clock(due)} 将到`,
        data: { deadline, dueAt: new Date(due).toISOString() },
      });
      return;
    }
    const supervisedBy = LEVEL_ABOVE[LEVEL_OF[status(at)] ?? "grid"];
    c.supervisedBy = supervisedBy;
    c.events.push({
      at,
      action: "supervise",
      actor: SYSTEM,
      note: `超过${DEADLINE_NAMES[deadline]}时限，由上级督办`,
      data: { deadline, supervisedBy },
    });
  };
  const responded = c.respondedAt ?? Number.POSITIVE_INFINITY;
  if (responded > c.responseDueAt - remind) fire("response", "remind", c.responseDueAt - remind);
  if (responded > c.responseDueAt) fire("response", "escalate", c.responseDueAt);
  const reminded = firstOpenFrom(c.resolveDueAt - remind);
  if (reminded !== undefined && reminded < c.resolveDueAt) fire("resolve", "remind", reminded);
  fire("resolve", "escalate", firstOpenFrom(c.resolveDueAt));
}
