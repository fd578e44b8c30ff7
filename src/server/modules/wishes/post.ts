import { type Actor, audited } from "../../platform/audit/index.ts";
import { can, type Principal } from "../../platform/auth/index.ts";
import { nextDailyCode } from "../../platform/codes/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { AppError, forbidden, unprocessable } from "../../platform/errors.ts";
import { assertFilesExist } from "../../platform/files/index.ts";
import { inWords } from "../../platform/i18n/words.ts";
import { notify } from "../../platform/notify/index.ts";
import { normalizeMobile } from "../../platform/pii/index.ts";
import { usersHolding } from "../accounts/index.ts";
import { getNode, type TerritoryLevel } from "../territory/index.ts";
import { type WishCategory, type WisherKind, wishEvents, wishes } from "./tables.ts";

/** What the pages send to POST /wishes. */
export interface WishForm {
  title: string;
  description?: string;
  category: WishCategory;
  wisherKind?: WisherKind;
  photos?: string[];
  /** Staff entering a wish on someone's behalf: where the wisher lives, and who he is. */
  nodeId?: string;
  wisherName?: string;
  wisherPhone?: string;
}

/** A wish belongs to a community: its node is the community or a place inside it. */
const PLACE_LEVELS: readonly TerritoryLevel[] = [
  "community",
  "grid",
  "microgrid",
  "compound",
  "building",
  "entrance",
  "household",
];
/** Whose home node a wisher's roles give, in this order: his household, then his community. */
const HOME_ROLES = ["resident", "partyMember"];

interface Wisher {
  userId: string | null;
  name: string;
  phone: string | null;
  nodeId: string;
  territoryPath: string;
}

async function wisherOf(db: Db, principal: Principal, form: WishForm): Promise<Wisher> {
  if (form.nodeId) {
    if (!can(principal, "wishes.review")) throw forbidden();
    const node = await getNode(db, principal, form.nodeId, "wishes.review").catch(() => {
      throw unprocessable("UNKNOWN_NODE", { field: "nodeId" });
    });
    if (!PLACE_LEVELS.includes(node.level)) throw unprocessable("NODE_TOO_HIGH", { field: "nodeId" });
    const name = form.wisherName?.trim();
    if (!name)
      throw unprocessable("MISSING_FIELDS", {
        missing: ["wisherName"],
        labels: inWords((w) => w.wishesAdmin.columns.wisher),
      });
    const phone = form.wisherPhone ? normalizeMobile(form.wisherPhone) : null;
    if (form.wisherPhone && !phone) throw unprocessable("INVALID_PHONE", { field: "wisherPhone" });
    return { userId: null, name, phone, nodeId: node.id, territoryPath: node.path };
  }
  const places = principal.roles.filter((r) => PLACE_LEVELS.includes(r.nodeLevel as TerritoryLevel));
  const rank = (role: string) => (HOME_ROLES.includes(role) ? HOME_ROLES.indexOf(role) : HOME_ROLES.length);
  const [home] = places.sort((a, b) => rank(a.role) - rank(b.role));
  if (!home)
    throw unprocessable("NO_HOME_NODE", {
      field: "nodeId",
    });
  return {
    userId: principal.userId,
    name: principal.name,
    phone: principal.phone,
    nodeId: home.nodeId,
    territoryPath: home.nodePath,
  };
}

/**
 * POST /wishes: a resident or new-economy worker posts a wish for himself, or staff enter one for
 * someone without an account. It waits for the community's review; the community staff above the
 * wish are told.
 */
export async function postWish(db: Db, principal: Principal, actor: Actor, form: WishForm) {
  await assertFilesExist(db, form.photos ?? []);
  const wisher = await wisherOf(db, principal, form);
  return audited(db, actor, async (tx, audit) => {
    const code = await nextDailyCode(tx, "wishes", "XY");
    const [row] = await tx
      .insert(wishes)
      .values({
        code,
        wisherUserId: wisher.userId,
        wisherName: wisher.name,
        wisherPhone: wisher.phone,
        wisherKind: form.wisherKind ?? "resident",
        category: form.category,
        title: form.title.trim(),
        description: form.description?.trim() ?? "",
        photos: form.photos ?? [],
        nodeId: wisher.nodeId,
        territoryPath: wisher.territoryPath,
      })
      .returning({ id: wishes.id, code: wishes.code, status: wishes.status, title: wishes.title });
    if (!row) throw new AppError("INTERNAL", 500);
    await tx.insert(wishEvents).values({
      wishId: row.id,
      actorId: actor.userId,
      actorName: actor.name ?? null,
      action: "post",
      toStatus: row.status,
      photos: form.photos ?? [],
    });
    await audit({
      action: "wishes.post",
      entity: "wish",
      entityId: row.id,
      after: { code, status: row.status },
    });
    const reviewers = await usersHolding(tx, ["communityStaff"], wisher.territoryPath);
    await notify(
      tx,
      reviewers.map((userId) => ({
        userId,
        kind: "wish.pending",
        title: "新的微心愿待审核",
        body: `${code}：${row.title}`,
        entity: "wish",
        entityId: row.id,
        link: `/admin/wishes/${code}`,
      })),
    );
    return { id: row.id, code: row.code, status: row.status };
  });
}
