import type { Principal } from "../../platform/auth/index.ts";
import type { Executor } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { type MemberRecord, memberByPhone } from "../people/index.ts";

/**
 * The caller as a party member: accounts and member records meet by mobile number (people's
 * register), so a member's account is bound to no record of its own.
 */
export async function callerMember(executor: Executor, principal: Principal): Promise<MemberRecord> {
  const member = await memberByPhone(executor, principal.phone);
  if (!member) throw new AppError("NOT_A_PARTY_MEMBER", 403);
  return member;
}
