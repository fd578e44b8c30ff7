import { and, asc, eq, ilike, type SQL, sql } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import type { Principal } from "../../../platform/auth/index.ts";
import { type Db, type Executor, likePattern } from "../../../platform/db/index.ts";
import { notFound, unprocessable } from "../../../platform/errors.ts";
import { assertFilesExist, fileUrl } from "../../../platform/files/index.ts";
import { type Paging, selectPage } from "../../../platform/http/paging.ts";
import { pinyinSortKey } from "../../../platform/i18n/pinyin.ts";
import { merchantsByIds } from "../../places/index.ts";
import { getNode, nodesByIds, scopedTo } from "../../territory/index.ts";
import type { PayingAudience } from "./schemas.ts";
import { type ItemKind, shopItems } from "./tables.ts";

export type ItemRow = typeof shopItems.$inferSelect;

export interface ItemForm {
  nodeId: string;
  kind: ItemKind;
  merchantId?: string | null;
  name: string;
  description?: string;
  photoId?: string | null;
  price: number;
  stock: number;
  audiences: PayingAudience[];
}

const SHOP_LEVELS = new Set(["district", "street", "community"]);
/** A row's node is the last id of its path (the table keeps the path beside the id). */
const nodeIdOf = (path: string) => path.split("/").filter(Boolean).at(-1) ?? "";

/**
 * The node (a district, street or community in the caller's points.manage scope) and the shop of a
 * form, checked: the shop must lie under the item's node, and a service needs one.
 */
async function checkForm(db: Db, principal: Principal, form: ItemForm) {
  const node = await getNode(db, principal, form.nodeId, "points.manage").catch(() => {
    throw unprocessable("UNKNOWN_NODE", { field: "nodeId" });
  });
  if (!SHOP_LEVELS.has(node.level)) throw unprocessable("SHOP_NODE_LEVEL", { field: "nodeId" });
  if (form.kind === "service" && !form.merchantId)
    throw unprocessable("SERVICE_NEEDS_SHOP", { field: "merchantId" });
  if (form.merchantId) {
    const [shop] = await merchantsByIds(db, [form.merchantId]);
    if (!shop?.territoryPath.startsWith(node.path))
      throw unprocessable("SHOP_MERCHANT_UNKNOWN", { field: "merchantId" });
  }
  if (form.photoId) await assertFilesExist(db, [form.photoId]);
  return node;
}

const valuesOf = (form: ItemForm) => ({
  kind: form.kind,
  merchantId: form.merchantId ?? null,
  name: form.name.trim(),
  sortKey: pinyinSortKey(form.name.trim()),
  description: form.description?.trim() ?? "",
  photoId: form.photoId ?? null,
  price: form.price,
  stock: form.stock,
  audiences: [...form.audiences],
});

/** POST /points/shop/items */
export async function createItem(db: Db, principal: Principal, actor: Actor, form: ItemForm) {
  const node = await checkForm(db, principal, form);
  return audited(db, actor, async (tx, audit) => {
    const values = { ...valuesOf(form), nodeId: node.id, territoryPath: node.path, createdBy: actor.userId };
    const [row] = await tx.insert(shopItems).values(values).returning({ id: shopItems.id });
    const id = row?.id as string;
    await audit({
      action: "points.item.create",
      entity: "point_shop_item",
      entityId: id,
      after: { ...values, sortKey: undefined },
    });
    return { id };
  });
}

async function itemInScope(executor: Executor, principal: Principal, id: string) {
  const scope = await scopedTo(executor as Db, principal, "points.manage", shopItems.territoryPath);
  const [row] = await executor
    .select()
    .from(shopItems)
    .where(and(eq(shopItems.id, id), ...scope));
  if (!row) throw notFound("point_shop_item", id);
  return row;
}

/**
 * PUT /points/shop/items/{id}: the whole form again (stock set to the figure given, not added to),
 * and `active` to take it off the shelves or put it back. Redemptions already made keep their price.
 */
export async function updateItem(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  form: ItemForm & { active?: boolean },
) {
  await itemInScope(db, principal, id);
  const node = await checkForm(db, principal, form);
  return audited(db, actor, async (tx, audit) => {
    const before = await itemInScope(tx, principal, id);
    const values = {
      ...valuesOf(form),
      nodeId: node.id,
      territoryPath: node.path,
      active: form.active ?? before.active,
    };
    await tx.update(shopItems).set(values).where(eq(shopItems.id, id));
    await audit({
      action: "points.item.update",
      entity: "point_shop_item",
      entityId: id,
      before: { ...before, sortKey: undefined, createdAt: undefined },
      after: { ...values, sortKey: undefined },
    });
    return { id };
  });
}

export interface ItemFilter extends Paging {
  kind?: ItemKind;
  merchantId?: string;
  active?: boolean;
  underId?: string;
  q?: string;
}

/** GET /points/shop/items: the staff's list of their scope's items, by name (pinyin). */
export async function listItems(db: Db, principal: Principal, f: ItemFilter) {
  const conditions: Array<SQL | undefined> = await scopedTo(
    db,
    principal,
    "points.manage",
    shopItems.territoryPath,
    f.underId,
  );
  if (f.kind) conditions.push(eq(shopItems.kind, f.kind));
  if (f.merchantId) conditions.push(eq(shopItems.merchantId, f.merchantId));
  if (f.active !== undefined) conditions.push(eq(shopItems.active, f.active));
  if (f.q) conditions.push(ilike(shopItems.name, likePattern(f.q.trim())));
  const { rows, total } = await selectPage(
    db,
    shopItems,
    and(...conditions),
    [asc(shopItems.sortKey), asc(shopItems.id)],
    f,
  );
  return { items: await presentItems(db, rows), total };
}

/** Items as the lists show them: with their node's and shop's names. */
export async function presentItems(executor: Executor, rows: ItemRow[]) {
  const [nodes, shops] = await Promise.all([
    nodesByIds(executor, [...new Set(rows.map((r) => nodeIdOf(r.territoryPath)))]),
    merchantsByIds(executor, [...new Set(rows.flatMap((r) => (r.merchantId ? [r.merchantId] : [])))]),
  ]);
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const shopById = new Map(shops.map((s) => [s.id, s]));
  return rows.map((r) => {
    const node = nodeById.get(nodeIdOf(r.territoryPath));
    const shop = r.merchantId ? shopById.get(r.merchantId) : undefined;
    return {
      id: r.id,
      kind: r.kind,
      node: node ? { id: node.id, name: node.name, level: node.level } : null,
      merchant: shop ? { id: shop.id, name: shop.name, address: shop.address } : null,
      name: r.name,
      description: r.description,
      photo: r.photoId ? { id: r.photoId, url: fileUrl(r.photoId) } : null,
      price: r.price,
      stock: r.stock,
      audiences: r.audiences.filter((a): a is PayingAudience => a !== "merchant"),
      active: r.active,
      createdAt: r.createdAt.toISOString(),
    };
  });
}

/**
 * The active items offered where these holders live (their community's, street's and district's),
 * payable with one of their points: `paths` and `audiences` are the caller's holders'.
 */
export async function offeredItems(
  executor: Executor,
  holders: ReadonlyArray<{ territoryPath: string; audience: string }>,
  f: Paging & { kind?: ItemKind },
) {
  if (holders.length === 0) return { rows: [] as ItemRow[], total: 0 };
  const mine = holders.map(
    (h) =>
      sql`(${h.territoryPath} like ${shopItems.territoryPath} || '%' and ${shopItems.audiences} ? ${h.audience})`,
  );
  const where = and(
    eq(shopItems.active, true),
    sql`(${sql.join(mine, sql` or `)})`,
    f.kind ? eq(shopItems.kind, f.kind) : undefined,
  );
  // In stock first, then by name.
  return selectPage(
    executor,
    shopItems,
    where,
    [sql`(${shopItems.stock} = 0)`, asc(shopItems.sortKey), asc(shopItems.id)],
    f,
  );
}
