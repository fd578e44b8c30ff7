import { eq } from "drizzle-orm";
import type { Actor } from "../../platform/audit/index.ts";
import type { Principal } from "../../platform/auth/index.ts";
import type { Executor, Tx } from "../../platform/db/index.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import { type CaseStatus, transitionFor } from "./flow.ts";
import { loadCase } from "./service.ts";
import { type CaseRow, cases } from "./tables.ts";
import { applyTransition } from "./transitions.ts";

/**
 * A case served by an order (抢单, the orders module): a resident's help request or a one-key call
 * published to members and volunteers. The order's steps move the case along its own flow table,
 * through the same transition code as a person's step; the orders module has authorised them.
 */

/** Where the grid or the community still holds the case, so that it may hand it out as an order. */
const HANDED_OUT_FROM: readonly CaseStatus[] = ["new", "gridHandling", "communityDispatch"];

export interface CaseForOrder {
  id: string;
  code: string;
  status: CaseStatus;
  description: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  territoryPath: string;
  reporterUserId: string | null;
  reporterName: string | null;
  reporterPhone: string | null;
}

/**
 * The case to publish as an order: one the publisher may see (404 otherwise; null publisher: a
 * one-key call, the system itself), held by the grid or the community (else 409 with its status).
 */
export async function caseForOrder(
  executor: Executor,
  publisher: Principal | null,
  caseId: string,
): Promise<CaseForOrder> {
  const row = publisher ? (await loadCase(executor, publisher, caseId)).row : await caseRow(executor, caseId);
  if (!HANDED_OUT_FROM.includes(row.status))
    throw conflict("CASE_NOT_OPEN", {
      status: row.status,
      caseCode: row.code,
    });
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    description: row.description,
    lat: row.lat,
    lng: row.lng,
    address: row.address,
    territoryPath: row.territoryPath,
    reporterUserId: row.reporterUserId,
    reporterName: row.reporterName,
    reporterPhone: row.reporterPhone,
  };
}

/** Published as an order: a case nobody had received yet is now taken in (new → gridHandling). */
export function receiveCaseForOrder(tx: Tx, actor: Actor, caseId: string, orderCode: string) {
  return step(tx, actor, caseId, { action: "receive", note: `已发布为抢单 ${orderCode}` });
}

/** The order is done: the case is resolved with the taker's note and photos (null: not from here). */
export function resolveCaseForOrder(
  tx: Tx,
  actor: Actor,
  caseId: string,
  done: { note: string; photos: string[] },
) {
  return step(tx, actor, caseId, { action: "resolve", ...done });
}

/** The order is rated: so is the case (a poor rating reopens it for the community, as cases do). */
export function rateCaseForOrder(
  tx: Tx,
  actor: Actor,
  caseId: string,
  rating: { score: number; comment?: string },
) {
  return step(tx, actor, caseId, { action: "rate", ...rating });
}

/**
 * The step, when the case's flow allows it from where the case now stands; otherwise nothing (the
 * case went its own way meanwhile, e.g. escalated) and null.
 */
async function step(
  tx: Tx,
  actor: Actor,
  caseId: string,
  input: Parameters<typeof applyTransition>[4],
): Promise<CaseStatus | null> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for("update");
  const rule = row && transitionFor(input.action, row.status);
  if (!row || !rule) return null;
  const done = await applyTransition(tx, actor, row, rule, input, { principal: null, reporter: false });
  return done.status;
}

async function caseRow(executor: Executor, id: string): Promise<CaseRow> {
  const [row] = await executor.select().from(cases).where(eq(cases.id, id));
  if (!row) throw notFound("case", id);
  return row;
}
