import { and, asc, desc, eq, gte, isNotNull, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { isValidUscc } from "../../../../shared/validators.ts";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import { can, type Principal } from "../../../platform/auth/index.ts";
import type { Db, Executor } from "../../../platform/db/index.ts";
import { conflict, notFound, unprocessable } from "../../../platform/errors.ts";
import { assertFilesExist, photoRefs } from "../../../platform/files/index.ts";
import { type Paging, selectPage } from "../../../platform/http/paging.ts";
import { unitsByIds } from "../../org/index.ts";
import { getNode } from "../../territory/index.ts";
import { type SixFix, unitPairings } from "../tables.ts";
import { type Viewer, viewerCondition } from "./access.ts";
import { chinaToday, namesOf } from "./names.ts";

type PairingRow = typeof unitPairings.$inferSelect;

export interface PairingForm {
  unitId: string;
  communityId: string;
  startsOn: string;
  endsOn: string;
  commitments: Record<SixFix, string>;
  agreementFileId?: string;
}

/** A pairing counts while it is not ended and its agreement has not run out. */
export const liveNow = (today = chinaToday()) =>
  and(isNull(unitPairings.endedAt), gte(unitPairings.endsOn, today)) as SQL;

const trimmed = (c: Record<SixFix, string>) =>
  Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.trim()])) as Record<SixFix, string>;

/** The unit may pair: a work unit (not a property company) with a valid 统一社会信用代码. */
async function assertPairable(executor: Executor, unitId: string) {
  const [unit] = await unitsByIds(executor, [unitId]);
  if (!unit) throw unprocessable("UNKNOWN_UNIT", { field: "unitId" });
  if (unit.kind !== "unit") throw unprocessable("NOT_A_WORK_UNIT", { field: "unitId" });
  if (!unit.uscc || !isValidUscc(unit.uscc)) throw unprocessable("UNIT_USCC_INVALID", { field: "unitId" });
  return unit;
}

const assertDates = (startsOn: string, endsOn: string) => {
  if (endsOn <= startsOn) throw unprocessable("PAIRING_DATES", { field: "endsOn" });
};

/** POST /engagement/pairings: the community (or above) signs a unit's 结对共建协议 with its 六定. */
export async function createPairing(db: Db, principal: Principal, actor: Actor, form: PairingForm) {
  const community = await getNode(db, principal, form.communityId, "engagement.manage");
  if (community.level !== "community") throw unprocessable("NOT_A_COMMUNITY", { field: "communityId" });
  await assertPairable(db, form.unitId);
  assertDates(form.startsOn, form.endsOn);
  if (form.agreementFileId) await assertFilesExist(db, [form.agreementFileId]);
  return audited(db, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(unitPairings)
      .values({
        unitId: form.unitId,
        communityId: community.id,
        territoryPath: community.path,
        startsOn: form.startsOn,
        endsOn: form.endsOn,
        commitments: trimmed(form.commitments),
        agreementFileId: form.agreementFileId ?? null,
        createdBy: principal.userId,
      })
      // The partial unique index: one pairing of a unit with a community that is not ended.
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict("PAIRING_EXISTS");
    await audit({
      action: "engagement.pairing.create",
      entity: "unit_pairing",
      entityId: row.id,
      after: { unitId: row.unitId, communityId: row.communityId, startsOn: row.startsOn, endsOn: row.endsOn },
    });
    return { id: row.id };
  });
}

/** A pairing the caller manages, locked; 404 outside his scope. */
async function managed(tx: Executor, principal: Principal, id: string) {
  const [row] = await tx.select().from(unitPairings).where(eq(unitPairings.id, id)).for("update");
  if (!row) throw notFound("unit pairing", id);
  await getNode(tx, principal, row.communityId, "engagement.manage").catch(() => {
    throw notFound("unit pairing", id);
  });
  return row;
}

export type PairingPatch = Partial<Pick<PairingForm, "startsOn" | "endsOn" | "agreementFileId">> & {
  commitments?: Partial<Record<SixFix, string>>;
};

/** PATCH /engagement/pairings/{id}: dates, any of the 六定, the scanned agreement; not once ended. */
export async function updatePairing(db: Db, principal: Principal, actor: Actor, id: string, p: PairingPatch) {
  if (p.agreementFileId) await assertFilesExist(db, [p.agreementFileId]);
  return audited(db, actor, async (tx, audit) => {
    const row = await managed(tx, principal, id);
    if (row.endedAt) throw conflict("PAIRING_ENDED");
    const next = {
      startsOn: p.startsOn ?? row.startsOn,
      endsOn: p.endsOn ?? row.endsOn,
      commitments: { ...row.commitments, ...trimmed((p.commitments ?? {}) as Record<SixFix, string>) },
      agreementFileId: p.agreementFileId ?? row.agreementFileId,
    };
    assertDates(next.startsOn, next.endsOn);
    await tx.update(unitPairings).set(next).where(eq(unitPairings.id, id));
    await audit({
      action: "engagement.pairing.update",
      entity: "unit_pairing",
      entityId: id,
      before: { startsOn: row.startsOn, endsOn: row.endsOn, commitments: row.commitments },
      after: next,
    });
    return present(
      await pairingById(tx, id),
      await namesOf(tx, { units: [row.unitId], communities: [row.communityId] }),
    );
  });
}

/** POST /engagement/pairings/{id}/end: the pairing stops (the unit may then pair again). */
export async function endPairing(db: Db, principal: Principal, actor: Actor, id: string) {
  return audited(db, actor, async (tx, audit) => {
    const row = await managed(tx, principal, id);
    if (row.endedAt) throw conflict("PAIRING_ENDED");
    const endedAt = new Date();
    await tx.update(unitPairings).set({ endedAt }).where(eq(unitPairings.id, id));
    await audit({ action: "engagement.pairing.end", entity: "unit_pairing", entityId: id });
    return present(
      { ...row, endedAt },
      await namesOf(tx, { units: [row.unitId], communities: [row.communityId] }),
    );
  });
}

async function pairingById(executor: Executor, id: string): Promise<PairingRow> {
  const [row] = await executor.select().from(unitPairings).where(eq(unitPairings.id, id));
  if (!row) throw notFound("unit pairing", id);
  return row;
}

type Names = Awaited<ReturnType<typeof namesOf>>;

function present(row: PairingRow, names: Names) {
  return {
    id: row.id,
    unit: names.unit(row.unitId),
    community: names.community(row.communityId),
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    commitments: row.commitments,
    agreement: row.agreementFileId ? (photoRefs([row.agreementFileId])[0] ?? null) : null,
    live: !row.endedAt && row.endsOn >= chinaToday(),
    createdAt: row.createdAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
  };
}

export interface PairingFilter extends Paging {
  communityId?: string;
  unitId?: string;
  active?: boolean;
}

/** GET /engagement/pairings: the community's (scope) or, for unit staff, his unit's; live ones first. */
export async function listPairings(db: Db, viewer: Viewer, f: PairingFilter) {
  await assertFilters(db, viewer, f);
  const conditions: Array<SQL | undefined> = [
    viewerCondition(viewer, unitPairings.territoryPath, unitPairings.unitId),
  ];
  if (f.communityId) conditions.push(eq(unitPairings.communityId, f.communityId));
  if (f.unitId) conditions.push(eq(unitPairings.unitId, f.unitId));
  if (f.active === true) conditions.push(liveNow());
  if (f.active === false)
    conditions.push(or(lt(unitPairings.endsOn, chinaToday()), isNotNull(unitPairings.endedAt)));
  const { rows, total } = await selectPage(
    db,
    unitPairings,
    and(...conditions),
    [asc(sql`${unitPairings.endedAt} is not null`), desc(unitPairings.startsOn), asc(unitPairings.id)],
    f,
  );
  const names = await namesOf(db, {
    units: rows.map((r) => r.unitId),
    communities: rows.map((r) => r.communityId),
  });
  return { items: rows.map((r) => present(r, names)), total };
}

/** The live pairing of a unit with a community, if any (where a member may report in). */
export async function livePairing(executor: Executor, unitId: string, communityId: string) {
  const [row] = await executor
    .select()
    .from(unitPairings)
    .where(and(eq(unitPairings.unitId, unitId), eq(unitPairings.communityId, communityId), liveNow()));
  return row ?? null;
}

/**
 * A list's community and unit filters name only what the caller may see (else 404): a community
 * of his scope (staff) or one his unit pairs with; a unit paired within his scope, or his own.
 */
export async function assertFilters(db: Db, viewer: Viewer, f: { communityId?: string; unitId?: string }) {
  const visible = async (column: typeof unitPairings.unitId | typeof unitPairings.communityId, id: string) =>
    (
      await db
        .select({ id: unitPairings.id })
        .from(unitPairings)
        .where(and(eq(column, id), viewerCondition(viewer, unitPairings.territoryPath, unitPairings.unitId)))
        .limit(1)
    ).length > 0;
  if (f.communityId) {
    const ok = can(viewer.principal, "engagement.manage")
      ? await getNode(db, viewer.principal, f.communityId, "engagement.manage").then(
          () => true,
          () => false,
        )
      : await visible(unitPairings.communityId, f.communityId);
    if (!ok) throw notFound("community", f.communityId);
  }
  if (f.unitId && !(await visible(unitPairings.unitId, f.unitId))) throw notFound("unit", f.unitId);
}
