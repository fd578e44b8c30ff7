import { and, eq, inArray } from "drizzle-orm";
import { hashPassword, type Role } from "../../platform/auth/index.ts";
import type { Executor } from "../../platform/db/index.ts";
import { nodesBelow, nodesByIds, TERRITORY_LEVELS } from "../territory/index.ts";
import { roleAssignments, users } from "./tables.ts";

export interface NewUser {
  phone: string;
  name: string;
  password?: string;
  /** An already computed hash (the demo accounts share one, to start quickly). */
  passwordHash?: string;
  roles: Array<{ role: Role; nodeId: string }>;
}

/** Creates a user with roles, or returns the existing one with that phone (start-up is re-runnable). */
export async function ensureUser(
  executor: Executor,
  input: NewUser,
): Promise<{ id: string; created: boolean }> {
  const [existing] = await executor.select({ id: users.id }).from(users).where(eq(users.phone, input.phone));
  if (existing) return { id: existing.id, created: false };
  const passwordHash = input.passwordHash ?? (input.password ? await hashPassword(input.password) : null);
  const [user] = await executor
    .insert(users)
    .values({ phone: input.phone, name: input.name, passwordHash })
    .returning({ id: users.id });
  if (!user) throw new Error("insert returned nothing");
  if (input.roles.length > 0) {
    await executor
      .insert(roleAssignments)
      .values(input.roles.map((r) => ({ userId: user.id, role: r.role, nodeId: r.nodeId })));
  }
  return { id: user.id, created: true };
}

export async function countUsers(executor: Executor): Promise<number> {
  const rows = await executor.select({ id: users.id }).from(users).limit(1);
  return rows.length;
}

/** Users holding one of `roles` on a node along `path` (the staff above a place), for notices. */
export async function usersHolding(executor: Executor, roles: Role[], path: string): Promise<string[]> {
  const nodeIds = path.split("/").filter(Boolean);
  if (nodeIds.length === 0 || roles.length === 0) return [];
  const rows = await executor
    .selectDistinct({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(and(inArray(roleAssignments.role, roles), inArray(roleAssignments.nodeId, nodeIds)));
  return rows.map((r) => r.userId);
}

/** Users holding one of `roles` on a node in the subtree of `path` (the members of an area), for notices. */
export async function usersHoldingUnder(executor: Executor, roles: Role[], path: string): Promise<string[]> {
  if (!path || roles.length === 0) return [];
  const nodes = await nodesBelow(executor, [path], TERRITORY_LEVELS);
  if (nodes.length === 0) return [];
  const rows = await executor
    .selectDistinct({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        inArray(roleAssignments.role, roles),
        inArray(
          roleAssignments.nodeId,
          nodes.map((n) => n.id),
        ),
        eq(users.disabled, false),
      ),
    );
  return rows.map((r) => r.userId);
}

export interface UserCard {
  name: string;
  roles: Array<{ role: Role; nodeName: string }>;
}

/** The names and roles (where) of these users, for logs that say who did something; no phones. */
export async function userCards(executor: Executor, ids: string[]): Promise<Map<string, UserCard>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: users.id, name: users.name, role: roleAssignments.role, nodeId: roleAssignments.nodeId })
    .from(users)
    .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(inArray(users.id, [...new Set(ids)]));
  const nodes = await nodesByIds(executor, [...new Set(rows.flatMap((r) => (r.nodeId ? [r.nodeId] : [])))]);
  const nodeName = new Map(nodes.map((n) => [n.id, n.name]));
  const cards = new Map<string, UserCard>();
  for (const r of rows) {
    const card = cards.get(r.id) ?? { name: r.name, roles: [] };
    const node = r.nodeId ? nodeName.get(r.nodeId) : undefined;
    if (r.role && node) card.roles.push({ role: r.role, nodeName: node });
    cards.set(r.id, card);
  }
  return cards;
}

/** The accounts of these mobile numbers, by number: where party members (people's register) meet them. */
export async function usersByPhones(executor: Executor, phones: string[]): Promise<Map<string, string>> {
  if (phones.length === 0) return new Map();
  const rows = await executor
    .select({ id: users.id, phone: users.phone })
    .from(users)
    .where(inArray(users.phone, phones));
  return new Map(rows.map((r) => [r.phone, r.id]));
}

/** The mobile numbers of these accounts: where another register (party members) meets them. */
export async function userPhones(executor: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: users.id, phone: users.phone })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.phone]));
}
