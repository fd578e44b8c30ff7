import type { Executor } from "../../../platform/db/index.ts";
import type { StoredEvent } from "../../../platform/events/index.ts";
import type { EventConsumer } from "../../../platform/module/index.ts";
import { userPhones } from "../../accounts/index.ts";
import { memberByPhone } from "../../people/index.ts";
import { chinaDate } from "../periods.ts";
import type { RecordKind } from "../tables.ts";
import { landRecord } from "./records.ts";

/** How an event of another module reads in a member's record. */
interface Landing {
  type: string;
  kind: RecordKind;
  title: (data: Record<string, unknown>) => string;
  hours?: (data: Record<string, unknown>) => number | null;
}

const text = (v: unknown) => (typeof v === "string" ? v : "");
const hoursOf = (d: Record<string, unknown>) => {
  const n = Number(d.hours);
  return Number.isFinite(n) && n > 0 ? n : null;
};

/**
 * Lands each event of the type whose person is a party member in his record (纪实手册); the
 * events of people who are not party members are passed over. The record's business key is the
 * event's, so an event handed over twice lands once.
 */
async function land(tx: Executor, events: StoredEvent[], landing: Landing) {
  const mine = events.filter((e) => e.type === landing.type && e.userId);
  const phones = await userPhones(tx, [...new Set(mine.map((e) => e.userId as string))]);
  for (const e of mine) {
    const phone = phones.get(e.userId as string);
    const member = phone ? await memberByPhone(tx, phone) : null;
    if (!member) continue;
    await landRecord(tx, {
      memberId: member.id,
      userId: e.userId,
      unitId: member.workUnitId,
      territoryPath: e.territoryPath,
      kind: landing.kind,
      sourceKey: `${e.type}:${e.entityId}`,
      title: landing.title(e.data),
      hours: landing.hours?.(e.data) ?? null,
      servedOn: chinaDate(e.at),
    });
  }
}

const consumer = (name: string, landing: Landing): EventConsumer => ({
  name,
  handle: (tx, events) => land(tx, events, landing),
});

/** The outbox consumers that fill members' records from orders, wishes and volunteering. */
export const engagementConsumers: EventConsumer[] = [
  consumer("engagement.orders-completed", {
    type: "orders.completed",
    kind: "order",
    title: (d) => `完成服务订单 ${text(d.code)}`,
  }),
  consumer("engagement.wishes-confirmed", {
    type: "wishes.confirmed",
    kind: "wish",
    title: (d) => `点亮微心愿 ${text(d.code)}`,
  }),
  consumer("engagement.volunteering-hours", {
    type: "volunteering.hours",
    kind: "volunteering",
    title: (d) => `参加志愿服务 ${hoursOf(d) ?? 0} 小时`,
    hours: hoursOf,
  }),
];
