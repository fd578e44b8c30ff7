import { sql } from "drizzle-orm";
import { recordAudit, SYSTEM } from "../../platform/audit/index.ts";
import type { Role } from "../../platform/auth/index.ts";
import { type Db, type Executor, rowsOf } from "../../platform/db/index.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import { type Notice, notify } from "../../platform/notify/index.ts";
import type { Queue } from "../../platform/queue/index.ts";
import { usersHolding } from "../accounts/index.ts";
import { caseLink } from "./arrivals.ts";
import { departmentUserIds } from "./catalog.ts";
import { refreshCaseFigures } from "./figures/refresh.ts";
import { type CaseStatus, type HandlerLevel, LEVEL_ABOVE, LEVEL_OF, OPEN_STATUSES } from "./flow.ts";
import { caseCategories, caseEvents, cases, whistles } from "./tables.ts";

/**
 * SLA deadlines (flow.md): every minute, and once at start so that what fell due while the server
 * was down is handled at once. Each step is one conditional UPDATE … RETURNING per batch, in one
 * transaction with its events, audit rows and notices: a re-run or a second process finds nothing
 * left to do, so each reminder and each escalation happens exactly once.
 */
export const DEADLINES_JOB = "cases.deadlines";
/** The command centre's figures (figures-refresh.ts), a minute behind at most. */
export const FIGURES_JOB = "cases.figures";
const BATCH = 500;
const SYSTEM_NAME = "系统";

type Deadline = "response" | "resolve";
const LABEL: Record<Deadline, string> = { response: "响应", resolve: "办结" };
const LEVEL_ROLES: Record<Exclude<HandlerLevel, "department">, Role[]> = {
  grid: ["gridWorker"],
  community: ["communityStaff"],
  street: ["streetStaff"],
  district: ["districtAdmin"],
};

// Constants of the flow, written as literals (not parameters) so a partial index can match them.
const OPEN = sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(", "));
/** The level above the one holding the case, from the flow tables (evaluated on the old row). */
const LEVEL_ABOVE_SQL = sql.join(
  [
    sql`case c.status`,
    ...OPEN_STATUSES.map((s) => sql`when ${s} then ${LEVEL_ABOVE[LEVEL_OF[s] as HandlerLevel]}`),
    sql`end`,
  ],
  sql` `,
);
/** sla_done with `keys` appended, each at most once. */
const withDone = (keys: string[]) =>
  sql`c.sla_done || coalesce((select jsonb_agg(k) from jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) k where not (c.sla_done ? k)), '[]'::jsonb)`;
/** A key as a literal, like OPEN. */
const done = (key: `${Deadline}.${"remind" | "escalate"}`) => sql.raw(`'${key}'`);
const dueColumn = (d: Deadline) => (d === "response" ? sql`x.response_due_at` : sql`x.resolve_due_at`);
const pending = (d: Deadline) => (d === "response" ? sql`and x.responded_at is null` : sql``);

interface Hit {
  id: string;
  code: string;
  territory_path: string;
  department_id: string | null;
  status: CaseStatus;
  old_status: CaseStatus;
  old_supervised: HandlerLevel | null;
  supervised_by: HandlerLevel | null;
  due: Date | string;
}

export function defineCaseJobs(queue: Queue, { db }: ModuleContext): void {
  queue.define(DEADLINES_JOB, async () => {
    await sweepDeadlines(db);
  });
  queue.every(DEADLINES_JOB, "* * * * *", { atStart: true });
  queue.define(FIGURES_JOB, async () => {
    await refreshCaseFigures(db);
  });
  queue.every(FIGURES_JOB, "* * * * *", { atStart: true });
}

/** One pass over everything due; returns how many of each were handled. */
export async function sweepDeadlines(db: Db) {
  const done = { reminded: 0, escalated: 0, whistlesOverdue: 0 };
  // Escalation first: it marks the reminder done too, so an overdue case gets no late "due soon".
  for (const d of ["response", "resolve"] as const) {
    done.escalated += await inBatches(() => db.transaction((tx) => escalate(tx, d)));
    done.reminded += await inBatches(() => db.transaction((tx) => remind(tx, d)));
  }
  done.whistlesOverdue += await inBatches(() => db.transaction((tx) => overdueWhistles(tx)));
  return done;
}

async function inBatches(step: () => Promise<number>): Promise<number> {
  let total = 0;
  for (let n = BATCH; n === BATCH; total += n) n = await step();
  return total;
}

async function escalate(tx: Executor, d: Deadline): Promise<number> {
  const key = `${d}.escalate` as const;
  // A case nobody received in time moves up to the community; otherwise only its supervisor changes.
  const status =
    d === "response"
      ? sql`case when c.status = 'new' then 'communityDispatch' else c.status end`
      : sql`c.status`;
  const hits = rowsOf<Hit>(
    await tx.execute(sql`
      update ${cases} c set
        sla_done = ${withDone([key, `${d}.remind`])},
        supervised_by = ${LEVEL_ABOVE_SQL},
        status = ${status},
        updated_at = now()
      from (
        select x.id, x.status as old_status, x.supervised_by as old_supervised from ${cases} x
        where x.status in (${OPEN}) ${pending(d)} and ${dueColumn(d)} <= now() and not (x.sla_done ? ${done(key)})
        order by ${dueColumn(d)} limit ${BATCH} for update skip locked
      ) d
      where c.id = d.id and not (c.sla_done ? ${done(key)})
      returning c.id, c.code, c.territory_path, c.department_id, c.status, c.supervised_by,
        d.old_status, d.old_supervised, c.${sql.raw(d === "response" ? "response_due_at" : "resolve_due_at")} as due`),
  );
  if (hits.length === 0) return 0;
  await tx.insert(caseEvents).values(
    hits.map((h) => ({
      caseId: h.id,
      actorName: SYSTEM_NAME,
      action: "supervise" as const,
      fromStatus: h.status !== h.old_status ? h.old_status : null,
      toStatus: h.status !== h.old_status ? h.status : null,
      note: `超过${LABEL[d]}时限，${h.status !== h.old_status ? "自动上报社区并" : ""}由上级督办`,
      data: { deadline: d, supervisedBy: h.supervised_by },
    })),
  );
  for (const h of hits)
    await recordAudit(tx, SYSTEM, {
      action: "cases.supervise",
      entity: "case",
      entityId: h.id,
      before: { status: h.old_status, supervisedBy: h.old_supervised },
      after: { status: h.status, supervisedBy: h.supervised_by, deadline: d },
    });
  await notifyStaff(
    tx,
    hits,
    (h) => h.supervised_by ?? "district",
    (h) => ({
      kind: "case.supervise",
      title: "督办：诉求超时",
      body: `${h.code} 已超过${LABEL[d]}时限（${clock(h.due)}），请督促办理`,
      data: { deadline: d },
    }),
  );
  return hits.length;
}

async function remind(tx: Executor, d: Deadline): Promise<number> {
  const key = `${d}.remind` as const;
  // Bounding the due time by the longest reminder keeps the condition usable by an index on it.
  const [longest] = await tx
    .select({ m: sql<number>`coalesce(max(${caseCategories.remindMinutes}), 0)::int` })
    .from(caseCategories);
  const hits = rowsOf<Hit>(
    await tx.execute(sql`
      update ${cases} c set sla_done = ${withDone([key])}
      from (
        select x.id, x.status as old_status, x.supervised_by as old_supervised from ${cases} x
        join ${caseCategories} cat on cat.code = x.category_code
        where x.status in (${OPEN}) ${pending(d)}
          and ${dueColumn(d)} <= now() + ${longest?.m ?? 0} * interval '1 minute'
          and ${dueColumn(d)} - cat.remind_minutes * interval '1 minute' <= now()
          and not (x.sla_done ? ${done(key)}) and not (x.sla_done ? ${done(`${d}.escalate`)})
        order by ${dueColumn(d)} limit ${BATCH} for update of x skip locked
      ) d
      where c.id = d.id and not (c.sla_done ? ${done(key)})
      returning c.id, c.code, c.territory_path, c.department_id, c.status, c.supervised_by,
        d.old_status, d.old_supervised, c.${sql.raw(d === "response" ? "response_due_at" : "resolve_due_at")} as due`),
  );
  if (hits.length === 0) return 0;
  await tx.insert(caseEvents).values(
    hits.map((h) => ({
      caseId: h.id,
      actorName: SYSTEM_NAME,
      action: "remind" as const,
      note: `${LABEL[d]}时限 ${clock(h.due)} 将到`,
      data: { deadline: d, dueAt: new Date(h.due).toISOString() },
    })),
  );
  await notifyStaff(
    tx,
    hits,
    (h) => LEVEL_OF[h.status] ?? "district",
    (h) => ({
      kind: "case.remind",
      title: "诉求即将超时",
      body: `${h.code} 的${LABEL[d]}时限 ${clock(h.due)} 将到，请及时办理`,
      data: { deadline: d },
    }),
  );
  return hits.length;
}

/** 吹哨 deadlines passed without a report: flagged once; the department and the community hear of it. */
async function overdueWhistles(tx: Executor): Promise<number> {
  const hits = rowsOf<{
    id: string;
    case_id: string;
    department_id: string;
    territory_path: string;
    code: string;
  }>(
    await tx.execute(sql`
      update ${whistles} w set overdue = true, updated_at = now()
      from (
        select x.id from ${whistles} x
        where x.status in ('pending', 'accepted') and x.deadline <= now() and not x.overdue
        order by x.deadline limit ${BATCH} for update skip locked
      ) d, ${cases} c
      where w.id = d.id and c.id = w.case_id and not w.overdue
      returning w.id, w.case_id, w.department_id, w.territory_path, c.code`),
  );
  const staff = staffOf(tx);
  const notices: Notice[] = [];
  for (const h of hits) {
    const users = [
      ...(await staff("department", h.territory_path, h.department_id)),
      ...(await staff("community", h.territory_path, null)),
    ];
    for (const userId of new Set(users))
      notices.push({
        userId,
        kind: "whistle.overdue",
        title: "吹哨报到超时",
        body: `${h.code} 的部门报到已超过时限`,
        entity: "case",
        entityId: h.case_id,
        link: caseLink(h.code),
        data: { whistleId: h.id, departmentId: h.department_id },
      });
  }
  await notify(tx, notices);
  return hits.length;
}

/** Staff of a level for a case (department: the department's staff), looked up once per batch. */
/** One notice per case to each staff member of the level `levelOf` names for it. */
async function notifyStaff(
  tx: Executor,
  hits: Hit[],
  levelOf: (h: Hit) => HandlerLevel,
  notice: (h: Hit) => Pick<Notice, "kind" | "title" | "body" | "data">,
): Promise<void> {
  const staff = staffOf(tx);
  const notices: Notice[] = [];
  for (const h of hits)
    for (const userId of await staff(levelOf(h), h.territory_path, h.department_id))
      notices.push({ userId, entity: "case", entityId: h.id, link: caseLink(h.code), ...notice(h) });
  await notify(tx, notices);
}

function staffOf(tx: Executor) {
  const cache = new Map<string, Promise<string[]>>();
  return (level: HandlerLevel, path: string, departmentId: string | null): Promise<string[]> => {
    const key = `${level}|${level === "department" ? departmentId : path}`;
    let hit = cache.get(key);
    if (!hit) {
      hit =
        level === "department"
          ? departmentUserIds(tx, departmentId ? [departmentId] : [])
          : usersHolding(tx, LEVEL_ROLES[level], path);
      cache.set(key, hit);
    }
    return hit;
  };
}

/** A deadline as people read it: China time, to the minute. */
function clock(at: Date | string): string {
  return new Date(at).toLocaleString("zh-CN", {
    timeZone: "Asia/Shanghai",
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  });
}
