import type { Executor } from "../../platform/db/index.ts";
import { type Notice, notify } from "../../platform/notify/index.ts";
import { usersHoldingUnder } from "../accounts/index.ts";
import { volunteersUnder } from "../volunteering/index.ts";
import { orderCategoryOf } from "./categories.ts";
import type { Audience } from "./tables.ts";

interface Announced {
  id: string;
  code: string;
  title: string;
  categoryCode: string;
  audience: Audience;
  audiencePath: string;
  teamId: string | null;
  publishedBy: string | null;
}

/**
 * 新单提醒: a new order is announced to those it is published to — the party members of its area
 * (unless it is for volunteers only, or for a team) and the volunteers registered there (of its
 * team, with its skill) — so they can grab it from the hall. The distance is judged at the grab.
 */
export async function announceOrder(tx: Executor, o: Announced): Promise<void> {
  const members =
    o.audience !== "volunteers" && !o.teamId
      ? await usersHoldingUnder(tx, ["partyMember"], o.audiencePath)
      : [];
  let helpers: string[] = [];
  if (o.audience !== "members") {
    const { skill } = await orderCategoryOf(tx, o.categoryCode);
    helpers = (await volunteersUnder(tx, o.audiencePath))
      .filter((v) => (!o.teamId || v.teamIds.includes(o.teamId)) && (!skill || v.skills.includes(skill)))
      .map((v) => v.userId);
  }
  const recipients = new Set([...members, ...helpers]);
  if (o.publishedBy) recipients.delete(o.publishedBy);
  const notices: Notice[] = [...recipients].map((userId) => ({
    userId,
    kind: "order.publish",
    title: "附近有新的服务订单",
    body: `${o.code}「${o.title}」等您接单`,
    entity: "order",
    entityId: o.id,
    link: `/mobile/orders/${o.code}`,
  }));
  await notify(tx, notices);
}
