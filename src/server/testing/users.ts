import { ensureUser, issueToken } from "../modules/accounts/index.ts";
import { SYSTEM } from "../platform/audit/index.ts";
import type { Role } from "../platform/auth/index.ts";
import type { Db } from "../platform/db/index.ts";

/**
 * A user with roles and a bearer token, made without a password: many of them (a hundred members
 * racing for one wish) cost milliseconds each, where scrypt logins would cost seconds.
 */
export async function userWithToken(
  db: Db,
  user: { phone: string; name: string; roles: Array<{ role: Role; nodeId: string }> },
): Promise<{ id: string; headers: Record<string, string> }> {
  const { id } = await ensureUser(db, user);
  const { token } = await issueToken(db, SYSTEM, { userId: id, name: "test" });
  return { id, headers: { authorization: `Bearer ${token}` } };
}
