import { inArray } from "drizzle-orm";
import type { Executor } from "../../../platform/db/index.ts";
import type { StoredEvent } from "../../../platform/events/index.ts";
import type { EventConsumer } from "../../../platform/module/index.ts";
import { userPhones } from "../../accounts/index.ts";
import { memberByPhone, residentByPhone } from "../../people/index.ts";
import { activeRuleSet, type Rule, rulesOf } from "../rules/active.ts";
import { issuers, pointsFor, ruleTransfer } from "../rules/award.ts";
import { capped, capWindow, usedUnderCap } from "../rules/caps.ts";
import type { Audience } from "../rules/tables.ts";
import { EVENT_TRIGGERS } from "../rules/templates.ts";
import { holderAccounts, post, type Transfer } from "./engine.ts";
import { pointAccounts, pointPostings } from "./tables.ts";

interface EventHolder {
  audience: Audience;
  holderId: string;
  territoryPath: string;
}

/** One rule applied to one holder for one event, before caps. */
interface Candidate {
  event: StoredEvent;
  holder: EventHolder;
  rule: Rule;
  points: number;
  businessKey: string;
}

const TRIGGERED = new Set<string>(EVENT_TRIGGERS);

const hoursOf = (data: Record<string, unknown>) => {
  const n = Number(data.hours);
  return Number.isFinite(n) && n > 0 ? n : 0;
};

/** The person of each phone as a party member and as a resident (either, both or neither). */
async function holdersByPhone(tx: Executor, phones: readonly string[]) {
  const found = new Map<string, EventHolder[]>();
  for (const phone of phones) {
    const member = await memberByPhone(tx, phone);
    const resident = await residentByPhone(tx, phone);
    const list: EventHolder[] = [];
    if (member) list.push({ audience: "member", holderId: member.id, territoryPath: member.territoryPath });
    if (resident)
      list.push({ audience: "resident", holderId: resident.id, territoryPath: resident.territoryPath });
    found.set(phone, list);
  }
  return found;
}

/** The rules governing each (audience, path), looked up once per batch. */
function rulesAt(tx: Executor) {
  const cache = new Map<string, Promise<Rule[]>>();
  return (audience: Audience, path: string) => {
    const key = `${audience}:${path}`;
    let rules = cache.get(key);
    if (!rules) {
      rules = activeRuleSet(tx, audience, path).then((set) => (set ? rulesOf(tx, set.id) : []));
      cache.set(key, rules);
    }
    return rules;
  };
}

async function candidatesOf(tx: Executor, events: StoredEvent[]): Promise<Candidate[]> {
  const mine = events.filter((e) => e.userId && TRIGGERED.has(e.type));
  if (mine.length === 0) return [];
  const phones = await userPhones(tx, [...new Set(mine.map((e) => e.userId as string))]);
  const holders = await holdersByPhone(tx, [...new Set(phones.values())]);
  const rules = rulesAt(tx);
  const found: Candidate[] = [];
  for (const event of mine) {
    const phone = phones.get(event.userId as string);
    for (const holder of phone ? (holders.get(phone) ?? []) : []) {
      for (const rule of await rules(holder.audience, holder.territoryPath)) {
        if (rule.trigger !== event.type) continue;
        const points = pointsFor(rule, rule.perHour ? hoursOf(event.data) : 1);
        if (points <= 0) continue;
        const businessKey = `${event.type}:${event.entityId}:${holder.audience}:${rule.code}`;
        found.push({ event, holder, rule, points, businessKey });
      }
    }
  }
  return found;
}

const memoOf = (c: Candidate) =>
  c.rule.perHour ? `${c.rule.name} ${hoursOf(c.event.data)} 小时` : c.rule.name;

/**
 * Credits the rules whose trigger is the event's type to the person it names, as a party member
 * and as a resident, by the rules governing him. Keys already posted are passed over before caps
 * are counted, so an event handed over twice credits once and does not eat into a cap. Caps and
 * balances are counted across the batch, so two events of the same month never both fill a cap.
 */
async function credit(tx: Executor, events: StoredEvent[]): Promise<void> {
  const all = await candidatesOf(tx, events);
  if (all.length === 0) return;
  const posted = new Set(
    (
      await tx
        .select({ key: pointPostings.businessKey })
        .from(pointPostings)
        .where(
          inArray(
            pointPostings.businessKey,
            all.map((c) => c.businessKey),
          ),
        )
    ).map((r) => r.key),
  );
  const fresh = all.filter((c) => !posted.has(c.businessKey));
  if (fresh.length === 0) return;
  const accounts = await holderAccounts(
    tx,
    fresh.map((c) => c.holder),
  );
  const balances = new Map<string, number>();
  if (fresh.some((c) => c.rule.kind === "deduct")) {
    const rows = await tx
      .select({ id: pointAccounts.id, balance: pointAccounts.balance })
      .from(pointAccounts)
      .where(inArray(pointAccounts.id, [...accounts.values()]));
    for (const r of rows) balances.set(r.id, r.balance);
  }
  const issuer = issuers(tx);
  const used = new Map<string, number>();
  const transfers: Transfer[] = [];
  for (const c of fresh) {
    const account = accounts.get(`${c.holder.audience}:${c.holder.holderId}`) as string;
    let amount = c.points;
    let capKey: string | null = null;
    if (c.rule.capPoints != null && c.rule.capPeriod) {
      const window = capWindow(c.rule.capPeriod, c.event.at);
      capKey = `${account}:${c.rule.code}:${window.key}`;
      if (!used.has(capKey)) used.set(capKey, await usedUnderCap(tx, account, c.rule.code, window));
      amount = capped(amount, c.rule.capPoints, used.get(capKey) ?? 0);
    }
    // A deduction takes what there is, never more: a balance does not go below zero.
    if (c.rule.kind === "deduct") amount = Math.min(amount, balances.get(account) ?? 0);
    if (amount <= 0) continue;
    if (capKey) used.set(capKey, (used.get(capKey) ?? 0) + amount);
    if (c.rule.kind === "deduct") balances.set(account, (balances.get(account) ?? 0) - amount);
    transfers.push(
      ruleTransfer({
        rule: c.rule,
        amount,
        holderAccountId: account,
        issuerAccountId: await issuer(c.holder.audience, c.holder.territoryPath),
        businessKey: c.businessKey,
        territoryPath: c.holder.territoryPath,
        memo: memoOf(c),
        at: c.event.at,
      }),
    );
  }
  await post(tx, transfers);
}

/** One consumer for every event type: the rules say which types give points. */
export const pointsConsumers: EventConsumer[] = [{ name: "points.rules", handle: credit }];
