import { randomUUID } from "node:crypto";
import { bulkInsert, type Executor } from "../../platform/db/index.ts";
import { pinyinSortKey } from "../../platform/i18n/pinyin.ts";
import { type OrgKind, partTimeMembers, partyOrgs, type UnitKind, units } from "./tables.ts";

export interface BulkUnit {
  key: string;
  kind: UnitKind;
  name: string;
  uscc?: string;
  nodeId: string;
  territoryPath: string;
  contactName?: string;
  contactPhone?: string;
}

export async function bulkInsertUnits(executor: Executor, rows: BulkUnit[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const values = rows.map(({ key, ...r }) => {
    const id = randomUUID();
    ids.set(key, id);
    return { id, ...r, sortKey: pinyinSortKey(r.name), uscc: r.uscc ?? null };
  });
  await bulkInsert(executor, units, values);
  return ids;
}

export interface BulkOrg {
  key: string;
  parentKey?: string;
  kind: OrgKind;
  name: string;
  nodeId: string;
  territoryPath: string;
  unitId?: string;
}

/** Organisations parent-first; returns key → id. */
export async function bulkInsertOrgs(executor: Executor, rows: BulkOrg[]): Promise<Map<string, string>> {
  const made = new Map<string, { id: string; path: string }>();
  const values = rows.map(({ key, parentKey, ...r }) => {
    const id = randomUUID();
    const parent = parentKey ? made.get(parentKey) : undefined;
    if (parentKey && !parent) throw new Error(`parent organisation of ${key} must come first`);
    const path = `${parent?.path ?? "/"}${id}/`;
    made.set(key, { id, path });
    return {
      id,
      parentId: parent?.id ?? null,
      path,
      ...r,
      sortKey: pinyinSortKey(r.name),
      unitId: r.unitId ?? null,
    };
  });
  await bulkInsert(executor, partyOrgs, values);
  return new Map([...made].map(([k, v]) => [k, v.id]));
}

export async function bulkInsertPartTimeMembers(
  executor: Executor,
  rows: Array<{ orgId: string; unitId: string; name: string; phone: string; position: string }>,
): Promise<void> {
  await bulkInsert(executor, partTimeMembers, rows);
}
