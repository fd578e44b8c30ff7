import { eq } from "drizzle-orm";
import { isStrongPassword } from "../../../shared/validators.ts";
import { type Actor, audited } from "../../platform/audit/audit.ts";
import { hashPassword, type Principal, verifyPassword } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { AppError, unprocessable } from "../../platform/errors.ts";
import { endCredentials } from "./admin.ts";
import { forgetCredentials, sessionKey } from "./principals.ts";
import { spendCode } from "./sms-codes.ts";
import { users } from "./tables.ts";

/** At least 8 characters with letters and digits: what a street office can tell people over the phone. */
export function assertStrongPassword(password: string): void {
  if (!isStrongPassword(password)) throw unprocessable("PASSWORD_TOO_WEAK");
}

/** Anyone changes his own password (and must, after a temporary one); his other sessions end. */
export async function changeOwnPassword(
  db: Db,
  principal: Principal,
  actor: Actor,
  input: { current: string; next: string },
) {
  assertStrongPassword(input.next);
  if (input.next === input.current) throw unprocessable("PASSWORD_UNCHANGED");
  const [user] = await db.select().from(users).where(eq(users.id, principal.userId));
  if (!user?.passwordHash || !(await verifyPassword(input.current, user.passwordHash)))
    throw new AppError("WRONG_PASSWORD", 422);
  const passwordHash = await hashPassword(input.next);
  let forget = () => {};
  await audited(db, actor, async (tx, audit) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, user.id));
    forget = await endCredentials(
      tx,
      user.id,
      principal.via === "session" ? principal.credentialId : undefined,
    );
    await audit({ action: "auth.password_change", entity: "user", entityId: user.id });
  });
  forget();
  // His own session stays, without the temporary password's restriction.
  if (principal.via === "session") forgetCredentials([sessionKey(principal.credentialId)]);
}

/** A forgotten password, reset with a code sent to the account's phone; every session ends. */
export async function resetWithCode(
  db: Db,
  ip: string,
  input: { phone: string; code: string; next: string },
) {
  assertStrongPassword(input.next);
  await spendCode(db, { phone: input.phone, purpose: "reset", code: input.code });
  const [user] = await db.select().from(users).where(eq(users.phone, input.phone));
  // A code was sent only if the phone has an account (sms-routes), so this is a rare race.
  if (!user) throw new AppError("CODE_INVALID", 401);
  if (user.disabled) throw new AppError("ACCOUNT_DISABLED", 403);
  const passwordHash = await hashPassword(input.next);
  let forget = () => {};
  await audited(db, { userId: user.id, name: user.name, ip }, async (tx, audit) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, user.id));
    forget = await endCredentials(tx, user.id);
    await audit({ action: "auth.password_reset", entity: "user", entityId: user.id });
  });
  forget();
}
