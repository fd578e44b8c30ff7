import { randomUUID } from "node:crypto";
import { memberByPhone, membersByIds, residentByPhone } from "../modules/people/index.ts";
import { merchantByPhone, searchMerchants } from "../modules/places/index.ts";
import {
  type AccountOwner,
  type BulkPoints,
  bulkInsertPoints,
  holderAccounts,
  installRuleSet,
  post,
  rulesOf,
  scoresOf,
  systemAccount,
  type TemplateKey,
  type Transfer,
} from "../modules/points/index.ts";
import type { InsertedNode } from "../modules/territory/index.ts";
import { chinaDate, chinaMonth, halfOf, monthsOfHalf } from "../platform/china-time.ts";
import type { Tx } from "../platform/db/index.ts";
import type { PiiVault } from "../platform/pii/index.ts";
import { Rng } from "./generate/random.ts";
import type { DemoDistrict } from "./generate/types.ts";
import { redeem, writeShop } from "./points-shop.ts";

interface Ids {
  nodes: Map<string, InsertedNode>;
  members: Map<string, string>;
  /** Demo accounts' user ids by phone. */
  users: Map<string, string>;
}

type Rule = Awaited<ReturnType<typeof rulesOf>>[number];

const DAY = 86_400_000;
const BANK = "兴安农商银行";

/**
 * The demo's points (S1–S5): 费县's three rule sets active at the district (西湖's as a draft), half
 * a year of postings for members, residents and shops through the engine, the points shop of the
 * demo community with a haircut at 吴美玲's barber's, the resident's redemptions (one collected, one
 * waiting), claims waiting for approval, a published star-member ranking and virtue-shop ranking,
 * an open appraisal round, and the demo resident's and merchant's consents to the bank.
 */
export async function writePoints(tx: Tx, demo: DemoDistrict, vault: PiiVault, ids: Ids, now = Date.now()) {
  const rng = new Rng(18);
  const node = (key: string) => {
    const n = ids.nodes.get(key);
    if (!n) throw new Error(`demo node ${key} missing`);
    return n;
  };
  const user = (phone: string) => ids.users.get(phone) ?? null;
  const district = node(demo.accountNodes.district);
  const community = node(demo.accountNodes.community);
  const staffId = user("13800000003") as string;

  const rules: Record<"member" | "resident" | "merchant", Rule[]> = {
    member: [],
    resident: [],
    merchant: [],
  };
  const templates: Array<[TemplateKey, boolean]> = [
    ["feixianMember", true],
    ["feixianResident", true],
    ["feixianMerchant", true],
    ["xihuMember", false],
  ];
  for (const [template, activate] of templates) {
    const set = await installRuleSet(tx, {
      nodeId: district.id,
      territoryPath: district.path,
      template,
      actorId: user("13800000001"),
      activate,
    });
    if (activate) rules[set.audience] = await rulesOf(tx, set.id);
  }

  // Who holds points: members (a few hundred), the residents among them and the demo resident, the shops.
  const members = await membersByIds(tx, [...ids.members.values()].slice(0, 300));
  const demoMember = await memberByPhone(tx, "13800000006");
  if (demoMember && !members.some((m) => m.id === demoMember.id)) members.push(demoMember);
  const demoResident = await residentByPhone(tx, "13800000007");
  const demoShop = await merchantByPhone(tx, "13800000009");
  if (!demoResident || !demoShop) throw new Error("demo resident or shop missing");
  const residents = [
    demoResident,
    ...members.slice(0, 150).map((m) => ({ id: m.residentId, territoryPath: m.territoryPath })),
  ];
  const shops = (await searchMerchants(tx, { paths: [district.path], limit: 1000, offset: 0 })).rows;
  const owners: AccountOwner[] = [
    ...members.map((m) => ({ audience: "member" as const, holderId: m.id, territoryPath: m.territoryPath })),
    ...residents.map((r) => ({
      audience: "resident" as const,
      holderId: r.id,
      territoryPath: r.territoryPath,
    })),
    ...shops.map((s) => ({ audience: "merchant" as const, holderId: s.id, territoryPath: s.territoryPath })),
  ];
  const accounts = await holderAccounts(tx, owners);
  const account = (audience: string, holderId: string) => accounts.get(`${audience}:${holderId}`) as string;
  const issuer = {
    member: await systemAccount(tx, "issuer", "member", district.path),
    resident: await systemAccount(tx, "issuer", "resident", district.path),
    merchant: await systemAccount(tx, "issuer", "merchant", district.path),
  };
  const spent = await systemAccount(tx, "spent", "resident", district.path);

  const transfers: Transfer[] = [];
  const rows: BulkPoints = {
    items: [],
    redemptions: [],
    claims: [],
    inspections: [],
    ratings: [],
    rankings: [],
    rankingEntries: [],
    rounds: [],
    consents: [],
  };
  const daysAgo = (n: number) => new Date(now - n * DAY - rng.int(0, 8) * 3_600_000);

  /** Half a year of deeds for one person: additions by the rules, now and then a deduction he can bear. */
  const deeds = (audience: "member" | "resident", holderId: string, path: string, count: number) => {
    const holder = account(audience, holderId);
    const adds = rules[audience].filter((r) => r.kind === "add");
    const deducts = rules[audience].filter((r) => r.kind === "deduct");
    let balance = 0;
    const days = Array.from({ length: count }, () => rng.int(3, 180)).sort((a, b) => b - a);
    days.forEach((d, i) => {
      const deduct = i > 1 && deducts.length > 0 && rng.chance(0.12);
      const rule = rng.pick(deduct ? deducts : adds);
      const amount = Math.min(
        rule.perHour ? rule.points * rng.int(2, 4) : rule.points,
        deduct ? balance : 1_000,
      );
      if (amount <= 0) return;
      balance += deduct ? -amount : amount;
      transfers.push({
        businessKey: `demo:${audience}:${holderId}:${i}`,
        kind: deduct ? "deduct" : "award",
        debitAccountId: deduct ? holder : issuer[audience],
        creditAccountId: deduct ? issuer[audience] : holder,
        holderAccountId: holder,
        amount,
        ruleId: rule.id,
        ruleCode: rule.code,
        memo: rule.name,
        territoryPath: path,
        at: daysAgo(d),
      });
    });
  };
  for (const m of members)
    deeds("member", m.id, m.territoryPath, m.id === demoMember?.id ? 10 : rng.int(2, 7));
  for (const r of residents)
    deeds("resident", r.id, r.territoryPath, r.id === demoResident.id ? 24 : rng.int(1, 5));

  // Shops: one to three inspections each, mostly good marks; the demo shop lost points once.
  const merchantRules = rules.merchant.filter((r) => r.kind === "add" || r.kind === "deduct");
  const inspectorId = user("13800000004") ?? staffId;
  for (const shop of shops) {
    const visits = shop.id === demoShop.id ? 3 : rng.int(1, 3);
    for (let v = 0; v < visits; v++) {
      const id = randomUUID();
      const at = daysAgo(rng.int(5, 150));
      const picked = [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.pick(merchantRules)))];
      if (shop.id === demoShop.id && v === 0) {
        const lost = merchantRules.find((r) => r.kind === "deduct");
        if (lost) picked.splice(0, picked.length, lost);
      }
      const holder = account("merchant", shop.id);
      let net = 0;
      for (const rule of picked) {
        const add = rule.kind === "add";
        net += add ? rule.points : -rule.points;
        transfers.push({
          businessKey: `inspection:${id}:${rule.id}`,
          kind: add ? "award" : "deduct",
          debitAccountId: add ? issuer.merchant : holder,
          creditAccountId: add ? holder : issuer.merchant,
          holderAccountId: holder,
          amount: rule.points,
          ruleId: rule.id,
          ruleCode: rule.code,
          memo: `${rule.indicator ?? ""} · ${rule.name}`,
          actorId: inspectorId,
          territoryPath: shop.territoryPath,
          at,
        });
      }
      rows.inspections.push({
        id,
        merchantId: shop.id,
        territoryPath: shop.territoryPath,
        inspectorId,
        items: picked.map((r) => ({ ruleId: r.id, quantity: 1 })),
        note: net < 0 ? "门前堆放杂物，已当场提醒整改" : "",
        net,
        createdAt: at,
      });
    }
    for (let k = rng.int(0, 6); k > 0; k--) {
      const at = daysAgo(rng.int(1, 120));
      rows.ratings.push({
        merchantId: shop.id,
        territoryPath: shop.territoryPath,
        phoneIndex: vault.blindIndex(`139${String(rng.int(0, 99_999_999)).padStart(8, "0")}`),
        day: chinaDate(at),
        stars: rng.weighted([
          [5, 6],
          [4, 4],
          [3, 1],
          [2, 0.3],
        ] as const),
        comment: "",
        createdAt: at,
      });
    }
  }
  for (let i = 0; i < transfers.length; i += 2000) await post(tx, transfers.slice(i, i + 2000));

  writeShop(rows, { community, district, shop: demoShop, staffId, now });
  await redeem(tx, rows, {
    holder: account("resident", demoResident.id),
    spent,
    userId: user("13800000007") as string,
    territoryPath: demoResident.territoryPath,
    now,
  });
  writeClaims(rows, rules, { members, residents, account, gridWorker: inspectorId, community, now });

  // The last half-year's titles, published; this half-year's appraisal round, open.
  const lastHalf = halfOf(chinaMonth(new Date(now - 183 * DAY)));
  const theirs = members.filter((m) => m.territoryPath.startsWith(community.path));
  await rank(tx, rows, "starMember", "member", theirs, { node: community, period: lastHalf, staffId, ids });
  await rank(tx, rows, "virtueShop", "merchant", shops, { node: district, period: lastHalf, staffId, ids });
  rows.rounds.push({
    nodeId: community.id,
    territoryPath: community.path,
    period: halfOf(chinaMonth(new Date(now))),
    title: roundTitle(demo.nodes.find((n) => n.key === demo.accountNodes.community)?.name ?? "", now),
    weights: { record: 60, self: 10, peer: 15, resident: 15 },
    createdBy: staffId,
    createdAt: new Date(now - 10 * DAY),
  });
  rows.consents.push(
    {
      audience: "resident",
      holderId: demoResident.id,
      territoryPath: demoResident.territoryPath,
      bank: BANK,
      recordedBy: user("13800000007") as string,
      givenAt: new Date(now - 40 * DAY),
    },
    {
      audience: "merchant",
      holderId: demoShop.id,
      territoryPath: demoShop.territoryPath,
      bank: BANK,
      recordedBy: user("13800000009") as string,
      givenAt: new Date(now - 60 * DAY),
    },
  );
  await bulkInsertPoints(tx, rows);
  return { postings: transfers.length, shops: shops.length, members: members.length };
}

/** Good deeds reported by the grid worker, waiting for the community's approval (积分制管理小组). */
function writeClaims(
  rows: BulkPoints,
  rules: Record<"member" | "resident", Rule[]>,
  c: {
    members: Array<{ id: string; territoryPath: string }>;
    residents: Array<{ id: string; territoryPath: string }>;
    account: (audience: string, holderId: string) => string;
    gridWorker: string;
    community: InsertedNode;
    now: number;
  },
) {
  const inCommunity = <T extends { territoryPath: string }>(list: T[]) =>
    list.filter((h) => h.territoryPath.startsWith(c.community.path)).slice(0, 2);
  const manual = (audience: "member" | "resident") =>
    rules[audience].find((r) => r.trigger === "manual" && r.kind === "add" && !r.evidenceRequired);
  for (const [audience, holders, note] of [
    ["resident", inCommunity(c.residents), "帮助独居老人买菜送药"],
    ["member", inCommunity(c.members), "带头清理楼道杂物"],
  ] as const) {
    const rule = manual(audience);
    if (!rule) continue;
    for (const h of holders)
      rows.claims.push({
        accountId: c.account(audience, h.id),
        ruleId: rule.id,
        points: rule.points,
        note,
        approverRole: rule.approverRole,
        territoryPath: h.territoryPath,
        happenedOn: chinaDate(new Date(c.now - 2 * DAY)),
        submittedBy: c.gridWorker,
        createdAt: new Date(c.now - DAY),
      });
  }
}

/** A published ranking of the top ten by the period's score, with citations for the first three. */
async function rank(
  tx: Tx,
  rows: BulkPoints,
  kind: "starMember" | "virtueShop",
  audience: "member" | "merchant",
  holders: Array<{ id: string; territoryPath: string }>,
  c: { node: InsertedNode; period: string; staffId: string; ids: Ids },
) {
  const scores = await scoresOf(
    tx,
    audience,
    holders.map((h) => ({ holderId: h.id, territoryPath: h.territoryPath })),
    monthsOfHalf(c.period),
  );
  const top = [...scores]
    .filter(([, s]) => !s.vetoed)
    .sort((a, b) => b[1].score - a[1].score)
    .slice(0, 10);
  const id = randomUUID();
  const approver = c.ids.users.get("13800000002") ?? null;
  rows.rankings.push({
    id,
    kind,
    period: c.period,
    nodeId: c.node.id,
    territoryPath: c.node.path,
    status: "published",
    size: 10,
    createdBy: c.staffId,
    approvedBy: approver,
    approvedAt: new Date(),
    publishedAt: new Date(),
  });
  const citations =
    kind === "starMember"
      ? ["常年坚持志愿服务，带头认领微心愿", "为独居老人义务理发上百次", "防汛值守冲在一线"]
      : ["门前五包做得最好", "主动为老人免费服务", "诚信经营，顾客满意度高"];
  // Equal scores share a place (1, 1, 3), as the rankings module draws them.
  top.forEach(([holderId, s], i) => {
    rows.rankingEntries.push({
      rankingId: id,
      rank: top.findIndex(([, other]) => other.score === s.score) + 1,
      holderId,
      score: s.score,
      citation: citations[i] ?? null,
    });
  });
}

/** 红旗社区2026年下半年党员民主评议. */
function roundTitle(communityName: string, now: number): string {
  const half = halfOf(chinaMonth(new Date(now)));
  return `${communityName}${half.slice(0, 4)}年${half.endsWith("1") ? "上" : "下"}半年党员民主评议`;
}
