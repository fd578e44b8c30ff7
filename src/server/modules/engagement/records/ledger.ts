import { and, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import { can, inScope, type Principal } from "../../../platform/auth/index.ts";
import type { Db } from "../../../platform/db/index.ts";
import { notFound, unprocessable } from "../../../platform/errors.ts";
import { unitsByIds } from "../../org/index.ts";
import { membersByIds } from "../../people/index.ts";
import { chinaDate, type Quarter, quarterDays, quarterOf } from "../periods.ts";
import {
  feedbackCards,
  RECORD_KINDS,
  type RecordKind,
  reportIns,
  serviceRecords,
  unitPairings,
} from "../tables.ts";
import type { Grade } from "./feedback.ts";
import { ledgerScope, unitOfCaller } from "./record-access.ts";
import { approvedRecords } from "./record-service.ts";
import { sixOnesOf } from "./six-ones.ts";

/** The units whose ledger the caller keeps: those paired with his communities, or his own unit. */
export async function ledgerUnits(db: Db, principal: Principal) {
  const ids = new Set<string>();
  if (can(principal, "engagement.manage")) {
    const rows = await db
      .selectDistinct({ unitId: unitPairings.unitId })
      .from(unitPairings)
      .where(
        and(
          inScope(principal, "engagement.manage", unitPairings.territoryPath),
          isNull(unitPairings.endedAt),
        ),
      );
    for (const r of rows) ids.add(r.unitId);
  }
  if (can(principal, "engagement.unit")) {
    const own = await unitOfCaller(db, principal);
    if (own) ids.add(own);
  }
  const units = await unitsByIds(db, [...ids]);
  return units.map((u) => ({ id: u.id, name: u.name })).sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
}

export type LedgerQuery = Partial<Quarter> & { unitId?: string };

/**
 * 共建单位服务台账 for a quarter: each member of the unit who reported in that year or served in the
 * quarter, his approved services by kind, hours, the year's 六个一 done so far, and his card.
 */
export async function unitLedger(db: Db, principal: Principal, q: LedgerQuery) {
  // A unit's own staff need not name it.
  const unitId = q.unitId ?? (await unitOfCaller(db, principal));
  if (!unitId) throw unprocessable("MISSING_FIELDS", { missing: ["unitId"], labels: "共建单位" });
  const scope = await ledgerScope(db, principal, unitId);
  const now = quarterOf(chinaDate(new Date()));
  const { year, quarter } = { year: q.year ?? now.year, quarter: q.quarter ?? now.quarter };
  const { from, to } = quarterDays({ year, quarter });
  const [unit] = await unitsByIds(db, [unitId]);
  if (!unit) throw notFound("unit", unitId);
  const [reported, served] = await Promise.all([
    db
      .selectDistinct({ memberId: reportIns.memberId })
      .from(reportIns)
      .where(and(eq(reportIns.unitId, unitId), eq(reportIns.year, year), eq(reportIns.status, "approved"))),
    db
      .selectDistinct({ memberId: serviceRecords.memberId })
      .from(serviceRecords)
      .where(
        and(
          eq(serviceRecords.unitId, unitId),
          eq(serviceRecords.status, "approved"),
          gte(serviceRecords.servedOn, from),
          lte(serviceRecords.servedOn, to),
          scope,
        ),
      ),
  ]);
  const memberIds = [...new Set([...reported, ...served].map((r) => r.memberId))];
  const [members, records, checklists, cards] = await Promise.all([
    membersByIds(db, memberIds),
    approvedRecords(db, memberIds, from, to, and(eq(serviceRecords.unitId, unitId), scope)),
    sixOnesOf(db, memberIds, year),
    memberIds.length
      ? db
          .select()
          .from(feedbackCards)
          .where(
            and(
              inArray(feedbackCards.memberId, memberIds),
              eq(feedbackCards.year, year),
              eq(feedbackCards.quarter, quarter),
            ),
          )
      : [],
  ]);
  const items = members
    .map((m) => {
      const mine = records.filter((r) => r.memberId === m.id);
      const byKind = Object.fromEntries(RECORD_KINDS.map((k) => [k, 0])) as Record<RecordKind, number>;
      for (const r of mine) byKind[r.kind] += 1;
      const card = cards.find((c) => c.memberId === m.id);
      return {
        memberId: m.id,
        memberName: m.name,
        services: mine.length,
        byKind,
        hours: Math.round(mine.reduce((sum, r) => sum + (r.hours ?? 0), 0) * 100) / 100,
        sixOnesDone: checklists.get(m.id)?.size ?? 0,
        card: card
          ? {
              id: card.id,
              grade: card.grade as Grade,
              comment: card.comment,
              sentAt: card.sentAt?.toISOString() ?? null,
            }
          : null,
      };
    })
    .sort((a, b) => a.memberName.localeCompare(b.memberName, "zh-CN"));
  return { unit: { id: unit.id, name: unit.name }, year: year, quarter: quarter, from, to, items };
}
