import type { RecordKind, RecordStatus, SixOne, SuggestionStatus } from "../../modules/engagement/tables.ts";
import type { WishCategory } from "../../modules/wishes/index.ts";
import type { DemoReportIn } from "./engagement.ts";
import { chinaDay, DAY, dayStart, HOUR, type InServiceMember, quarterOf } from "./engagement-calendar.ts";
import {
  FEEDBACK_COMMENTS,
  MANUAL_RECORDS,
  PARTY_ACTIVITIES,
  SUGGESTIONS,
  VISIT_NOTES,
  VISIT_PROBLEMS,
  VOLUNTEERING,
} from "./engagement-texts.ts";
import { ORDER_TEXTS } from "./order-texts.ts";
import type { Rng } from "./random.ts";
import type { DemoDistrict, DemoNode } from "./types.ts";
import { WISH_TEXTS } from "./wish-texts.ts";

export interface DemoRecord {
  /** `demo:<n>`: never one of the business keys events land with (`orders.completed:<id>` …). */
  sourceKey: string;
  memberKey: string;
  accountPhone?: string;
  unitKey: string;
  /** His household (node key): where he lives and serves. */
  homeKey: string;
  kind: RecordKind;
  title: string;
  hours?: number;
  servedOn: string;
  status: RecordStatus;
  createdAt: number;
}

export interface DemoVisit {
  memberKey: string;
  accountPhone?: string;
  householdKey: string;
  visitedAt: number;
  note: string;
  problems: string[];
}

export interface DemoFeedbackCard {
  memberKey: string;
  unitKey: string;
  /** His household (node key): cards are seen where the member lives. */
  homeKey: string;
  year: number;
  quarter: number;
  grade: string;
  comment: string;
  createdBy?: string;
  createdAt: number;
  sentAt: number;
}

export interface DemoSuggestion {
  memberKey: string;
  accountPhone?: string;
  homeKey: string;
  text: string;
  status: SuggestionStatus;
  answer?: string;
  decidedBy?: string;
  decidedAt?: number;
  createdAt: number;
}

/** What the members who reported in did: the record (纪实手册) and what it rests on. */
export interface DemoServices {
  /** 结对: households paired with members (people's member_households). */
  memberHouseholds: Array<{
    memberKey: string;
    householdKey: string;
    kind: "baobao" | "oneLeadsN";
    createdAt: number;
  }>;
  records: DemoRecord[];
  sixOnes: Array<{ memberKey: string; year: number; item: SixOne; doneOn: string; recordKey?: string }>;
  visits: DemoVisit[];
  feedbackCards: DemoFeedbackCard[];
  suggestions: DemoSuggestion[];
}

const FULFILS: Partial<Record<RecordKind, SixOne>> = {
  partyActivity: "partyLife",
  wish: "wish",
  volunteering: "volunteerDay",
  visit: "pairHousehold",
};
const ORDER_TITLES = Object.values(ORDER_TEXTS).flatMap((texts) => texts.map(([title]) => title));
const WISH_TITLES = Object.keys(WISH_TEXTS).flatMap((c) => WISH_TEXTS[c as WishCategory].map(([t]) => t));

interface Context {
  now: number;
  /** The account community, whose reviewer is a demo account. */
  account: string;
  reviewer: string;
}

/**
 * For every approved report-in, a year of services from its approval (last year's: from the start
 * of this quarter a year ago): party activities, volunteering, wishes and orders, spread over the
 * window; households paired with those who chose 结对 and their visits over the last two quarters;
 * last quarter's feedback cards; suggestions, the adopted ones in the record; a few manual records
 * waiting for approval; and the 六个一 ticked from all of it.
 */
export function buildServices(
  rng: Rng,
  demo: DemoDistrict,
  nodes: Map<string, DemoNode>,
  members: readonly InServiceMember[],
  reportIns: readonly DemoReportIn[],
  ctx: Context,
): DemoServices {
  const { now } = ctx;
  const year = Number(chinaDay(now).slice(0, 4));
  const recordsFrom = quarterOf(now, 4).start;
  const visitsFrom = quarterOf(now, 1).start;
  const byKey = new Map(members.map((m) => [m.key, m]));
  const householdsOf = gridHouseholds(demo, nodes);
  const out: DemoServices = {
    memberHouseholds: [],
    records: [],
    sixOnes: [],
    visits: [],
    feedbackCards: [],
    suggestions: [],
  };
  const record = (
    m: InServiceMember,
    r: Omit<DemoRecord, "sourceKey" | "memberKey" | "unitKey" | "homeKey">,
  ) =>
    out.records.push({
      sourceKey: `demo:${out.records.length + 1}`,
      memberKey: m.key,
      accountPhone: m.accountPhone,
      unitKey: m.unitKey,
      homeKey: m.home,
      ...r,
    });
  const between = (from: number, to: number) => Math.round(from + rng.next() * Math.max(0, to - from));
  const approved = reportIns.filter((r) => r.status === "approved" && r.decidedAt !== undefined);

  for (const r of approved) {
    const m = byKey.get(r.memberKey) as InServiceMember;
    const isAccount = m.accountPhone !== undefined;
    const from = Math.max(r.decidedAt as number, r.year < year ? recordsFrom : 0);
    const to = r.year < year ? dayStart(`${year}-01-01`) - HOUR : now - 2 * HOUR;
    if (to <= from) continue;
    const share = Math.min(1, (to - from) / (300 * DAY));
    const planned: RecordKind[] = isAccount ? ["partyActivity", "volunteering", "wish", "order"] : [];
    const n = Math.max(planned.length, Math.round(rng.int(3, 7) * share));
    for (let i = 0; i < n; i++) {
      const kind = planned[i] ?? pickKind(rng, r.menu);
      const at = between(from, to);
      record(m, {
        ...serviceText(rng, kind),
        servedOn: chinaDay(at),
        status: "approved",
        createdAt: at + HOUR,
      });
    }
    if (r.year < year) continue;

    // This year's extras: a manual record waiting for approval, households and their visits.
    if (isAccount || rng.chance(0.1)) {
      const at = Math.max(from, now - rng.int(1, 10) * DAY);
      const title = rng.pick(MANUAL_RECORDS);
      record(m, {
        kind: "other",
        title,
        servedOn: chinaDay(at),
        status: "pending",
        createdAt: Math.min(now, at + 6 * HOUR),
      });
    }
    if (!r.menu.includes("pairing")) continue;
    const pool = (householdsOf.get(m.grid) ?? []).filter(
      (h) => h !== m.home && h !== demo.accountNodes.household,
    );
    const paired = rng.sample(pool, isAccount ? 3 : rng.int(1, 2));
    const since = Math.min(now - HOUR, (r.decidedAt as number) + rng.int(1, 5) * DAY);
    for (const householdKey of paired) {
      out.memberHouseholds.push({
        memberKey: m.key,
        householdKey,
        kind: isAccount ? "baobao" : "oneLeadsN",
        createdAt: since,
      });
      const visitFrom = Math.max(visitsFrom, since);
      for (let i = isAccount ? 2 : rng.int(1, 3); i > 0 && visitFrom < now - DAY; i--) {
        const day = chinaDay(between(visitFrom, now - DAY));
        const visitedAt = Math.min(
          now - HOUR,
          dayStart(day) + rng.int(9, 18) * HOUR + rng.int(0, 59) * 60_000,
        );
        const problem = (isAccount && out.visits.every((v) => v.memberKey !== m.key)) || rng.chance(0.25);
        out.visits.push({
          memberKey: m.key,
          accountPhone: m.accountPhone,
          householdKey,
          visitedAt,
          note: rng.pick(VISIT_NOTES),
          problems: problem ? [rng.pick(VISIT_PROBLEMS)] : [],
        });
        const title = `走访结对户（${nodes.get(householdKey)?.name ?? ""}）`;
        record(m, {
          kind: "visit",
          title,
          servedOn: chinaDay(visitedAt),
          status: "approved",
          createdAt: visitedAt,
        });
      }
    }
  }
  suggestionsOf(rng, approved, byKey, ctx, out, record);
  out.feedbackCards = feedbackOf(rng, approved, byKey, ctx);
  out.sixOnes = sixOnesOf(rng, out.records, now);
  return out;
}

function pickKind(rng: Rng, menu: readonly string[]): RecordKind {
  return rng.weighted<RecordKind>([
    ["partyActivity", 3],
    ["volunteering", menu.includes("volunteering") ? 4 : 1],
    ["wish", menu.includes("wish") ? 2 : 0.5],
    ["order", 2],
  ]);
}

function serviceText(rng: Rng, kind: RecordKind): { kind: RecordKind; title: string; hours?: number } {
  if (kind === "volunteering") {
    const [title, hours] = rng.pick(VOLUNTEERING);
    return { kind, title, hours };
  }
  if (kind === "wish") return { kind, title: `认领并实现微心愿：${rng.pick(WISH_TITLES)}` };
  if (kind === "order") return { kind, title: `完成群众点单：${rng.pick(ORDER_TITLES)}` };
  return { kind, title: rng.pick(PARTY_ACTIVITIES) };
}

/** Household node keys by grid. */
function gridHouseholds(demo: DemoDistrict, nodes: Map<string, DemoNode>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of demo.nodes) {
    if (n.level !== "household") continue;
    let at = nodes.get(n.parentKey ?? "");
    while (at && at.level !== "grid") at = nodes.get(at.parentKey ?? "");
    if (!at) continue;
    const list = out.get(at.key);
    if (list) list.push(n.key);
    else out.set(at.key, [n.key]);
  }
  return out;
}

/**
 * About a third of this year's members made a suggestion (most of those who chose to): some wait
 * for the community, most were adopted and landed in the record, a few declined with a reason.
 * The member account's was adopted; the next member's waits, so each kind is there.
 */
function suggestionsOf(
  rng: Rng,
  approved: readonly DemoReportIn[],
  byKey: Map<string, InServiceMember>,
  ctx: Context,
  out: DemoServices,
  record: (
    m: InServiceMember,
    r: Omit<DemoRecord, "sourceKey" | "memberKey" | "unitKey" | "homeKey">,
  ) => void,
) {
  const year = Number(chinaDay(ctx.now).slice(0, 4));
  for (const r of approved) {
    if (r.year !== year) continue;
    const m = byKey.get(r.memberKey) as InServiceMember;
    const first = !m.accountPhone && !out.suggestions.some((x) => x.status === "pending");
    if (!m.accountPhone && !first && !rng.chance(r.menu.includes("suggestion") ? 0.7 : 0.2)) continue;
    const status: SuggestionStatus = m.accountPhone
      ? "adopted"
      : first
        ? "pending"
        : rng.weightedKey({ adopted: 45, pending: 40, declined: 15 });
    const [text, adopted, declined] = rng.pick(SUGGESTIONS);
    const from = r.decidedAt as number;
    const createdAt =
      status === "pending"
        ? Math.max(from, ctx.now - rng.int(1, 20) * DAY)
        : Math.round(from + rng.next() * Math.max(0, ctx.now - 12 * DAY - from));
    const decidedAt =
      status === "pending" ? undefined : Math.min(ctx.now - HOUR, createdAt + rng.int(2, 10) * DAY);
    out.suggestions.push({
      memberKey: m.key,
      accountPhone: m.accountPhone,
      homeKey: m.home,
      text,
      status,
      answer: status === "adopted" ? adopted : status === "declined" ? declined : undefined,
      decidedBy: decidedAt && r.communityKey === ctx.account ? ctx.reviewer : undefined,
      decidedAt,
      createdAt,
    });
    if (status === "adopted" && decidedAt) {
      const title = `提出意见建议被采纳：${text}`;
      record(m, {
        kind: "suggestion",
        title,
        servedOn: chinaDay(decidedAt),
        status: "approved",
        createdAt: decidedAt,
      });
    }
  }
}

/** Last quarter's cards, sent to the units within two weeks, for most members approved before it ended. */
function feedbackOf(
  rng: Rng,
  approved: readonly DemoReportIn[],
  byKey: Map<string, InServiceMember>,
  ctx: Context,
): DemoFeedbackCard[] {
  const q = quarterOf(ctx.now, 1);
  return approved.flatMap((r) => {
    const m = byKey.get(r.memberKey) as InServiceMember;
    if (r.year !== q.year || (r.decidedAt as number) >= q.end) return [];
    if (!m.accountPhone && !rng.chance(0.85)) return [];
    const grade = m.accountPhone
      ? "excellent"
      : rng.weightedKey({ excellent: 40, good: 45, fair: 12, poor: 3 });
    const sentAt = Math.min(ctx.now - HOUR, q.end + rng.int(3, 14) * DAY + rng.int(9, 17) * HOUR);
    return {
      memberKey: m.key,
      unitKey: r.unitKey,
      homeKey: m.home,
      year: q.year,
      quarter: q.quarter,
      grade,
      comment: rng.pick(FEEDBACK_COMMENTS[grade]),
      createdBy: r.communityKey === ctx.account ? ctx.reviewer : undefined,
      createdAt: Math.max(q.end, sentAt - rng.int(1, 48) * HOUR),
      sentAt,
    };
  });
}

/** 六个一 as the service would tick them: the first approved record of each kind fulfils its item; talks and surveys by the community. */
function sixOnesOf(rng: Rng, records: readonly DemoRecord[], now: number): DemoServices["sixOnes"] {
  const ticked = new Map<string, DemoServices["sixOnes"][number]>();
  const sorted = records
    .filter((r) => r.status === "approved")
    .sort((a, b) => a.servedOn.localeCompare(b.servedOn));
  const years = new Map<string, { memberKey: string; year: number; last: string }>();
  for (const r of sorted) {
    const year = Number(r.servedOn.slice(0, 4));
    years.set(`${r.memberKey}|${year}`, { memberKey: r.memberKey, year, last: r.servedOn });
    const item = FULFILS[r.kind];
    const key = `${r.memberKey}|${year}|${item}`;
    if (item && !ticked.has(key))
      ticked.set(key, { memberKey: r.memberKey, year, item, doneOn: r.servedOn, recordKey: r.sourceKey });
  }
  for (const { memberKey, year, last } of years.values()) {
    for (const [item, p] of [
      ["talk", 0.4],
      ["survey", 0.3],
    ] as const) {
      if (!rng.chance(p)) continue;
      const from = dayStart(`${year}-01-01`);
      const doneOn = chinaDay(Math.min(now, Math.round(from + rng.next() * (dayStart(last) - from))));
      ticked.set(`${memberKey}|${year}|${item}`, { memberKey, year, item, doneOn });
    }
  }
  return [...ticked.values()];
}
