import { CONTACT_PURPOSE } from "../../../shared/contact.ts";
import { type Actor, audited } from "../../platform/audit/index.ts";
import type { Principal } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { forbidden } from "../../platform/errors.ts";
import { logPiiAccess } from "../../platform/pii/index.ts";
import { mayCall } from "./access.ts";
import { loadOrder } from "./service.ts";

/**
 * The requester's name and phone unmasked, for the taker while the order is his (查看并拨打). Every
 * view is written to the personal-data access log and the audit log with its purpose (办理联系),
 * never with the values; anyone else who may see the order is refused, and the rest not told it exists.
 */
export async function revealRequester(db: Db, principal: Principal, actor: Actor, idOrCode: string) {
  return audited(db, actor, async (tx, audit) => {
    const { row, standing } = await loadOrder(tx, principal, idOrCode);
    if (!mayCall(standing, row)) throw forbidden();
    const purpose = CONTACT_PURPOSE;
    await logPiiAccess(tx, {
      actorId: actor.userId,
      entity: "order",
      entityId: row.id,
      field: "requesterPhone",
      purpose,
      ip: actor.ip,
    });
    await audit({ action: "orders.requester.reveal", entity: "order", entityId: row.id, after: { purpose } });
    return { name: row.requesterName, phone: row.requesterPhone };
  });
}
