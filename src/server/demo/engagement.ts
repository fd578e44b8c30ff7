import { bulkInsertEngagement, bulkInsertWallsCallUpsTalents } from "../modules/engagement/index.ts";
import { bulkInsertMemberHouseholds } from "../modules/people/index.ts";
import type { InsertedNode } from "../modules/territory/index.ts";
import type { Tx } from "../platform/db/index.ts";
import { buildEngagement } from "./generate/engagement.ts";
import type { DemoDistrict } from "./generate/types.ts";

interface Ids {
  nodes: Map<string, InsertedNode>;
  households: Map<string, { id: string; territoryPath: string }>;
  units: Map<string, string>;
  members: Map<string, string>;
  /** Demo accounts' user ids by phone. */
  users: Map<string, string>;
}

/**
 * The demo's 双报到 (pairings, report-ins, records, cards, visits, rota; promises, pioneers, a past
 * call-up, the talent pool) with ids for its keys; returns its counts.
 */
export async function writeEngagement(tx: Tx, demo: DemoDistrict, ids: Ids, now = Date.now()) {
  const data = buildEngagement(demo, now);
  const get = <V>(map: Map<string, V>, key: string, what: string): V => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`demo ${what} ${key} missing`);
    return v;
  };
  const path = (key: string) => get(ids.nodes, key, "node").path;
  const unit = (key: string) => get(ids.units, key, "unit");
  const member = (key: string) => get(ids.members, key, "party member");
  const user = (phone: string | undefined) => (phone ? (ids.users.get(phone) ?? null) : null);
  const date = (ms: number | undefined) => (ms === undefined ? null : new Date(ms));

  await bulkInsertMemberHouseholds(
    tx,
    data.memberHouseholds.map((h) => ({
      memberId: member(h.memberKey),
      householdId: get(ids.households, h.householdKey, "household").id,
      kind: h.kind,
      createdAt: new Date(h.createdAt),
    })),
  );
  await bulkInsertEngagement(tx, {
    pairings: data.pairings.map(({ unitKey, communityKey, createdAt, ...p }) => ({
      ...p,
      unitId: unit(unitKey),
      communityId: get(ids.nodes, communityKey, "community").id,
      territoryPath: path(communityKey),
      createdAt: new Date(createdAt),
    })),
    unitStaff: data.unitStaff.map((s) => ({
      userId: get(ids.users, s.accountPhone, "account"),
      unitId: unit(s.unitKey),
    })),
    reportIns: data.reportIns.map((r) => ({
      memberId: member(r.memberKey),
      userId: user(r.accountPhone),
      unitId: unit(r.unitKey),
      pairingKey: r.pairingKey,
      communityId: get(ids.nodes, r.communityKey, "community").id,
      territoryPath: path(r.communityKey),
      year: r.year,
      status: r.status,
      letterIssuedAt: date(r.letterIssuedAt),
      menu: r.menu,
      returnReason: r.returnReason ?? null,
      decidedBy: user(r.decidedBy),
      decidedAt: date(r.decidedAt),
      createdAt: new Date(r.createdAt),
      updatedAt: new Date(r.decidedAt ?? r.createdAt),
    })),
    records: data.records.map((r) => ({
      memberId: member(r.memberKey),
      userId: user(r.accountPhone),
      unitId: unit(r.unitKey),
      territoryPath: path(r.homeKey),
      kind: r.kind,
      sourceKey: r.sourceKey,
      title: r.title,
      hours: r.hours ?? null,
      servedOn: r.servedOn,
      status: r.status,
      createdAt: new Date(r.createdAt),
    })),
    sixOnes: data.sixOnes.map(({ memberKey, ...s }) => ({ ...s, memberId: member(memberKey) })),
    feedbackCards: data.feedbackCards.map((c) => ({
      memberId: member(c.memberKey),
      unitId: unit(c.unitKey),
      territoryPath: path(c.homeKey),
      year: c.year,
      quarter: c.quarter,
      grade: c.grade,
      comment: c.comment,
      sentAt: new Date(c.sentAt),
      createdBy: user(c.createdBy),
      createdAt: new Date(c.createdAt),
    })),
    visits: data.visits.map((v) => ({
      memberId: member(v.memberKey),
      userId: user(v.accountPhone),
      householdId: get(ids.households, v.householdKey, "household").id,
      territoryPath: path(v.householdKey),
      visitedAt: new Date(v.visitedAt),
      note: v.note,
      problems: v.problems.map((text) => ({ text })),
      createdAt: new Date(v.visitedAt),
    })),
    suggestions: data.suggestions.map((s) => ({
      memberId: member(s.memberKey),
      userId: user(s.accountPhone),
      territoryPath: path(s.homeKey),
      text: s.text,
      status: s.status,
      answer: s.answer ?? null,
      decidedBy: user(s.decidedBy),
      decidedAt: date(s.decidedAt),
      createdAt: new Date(s.createdAt),
    })),
    rota: data.rota.map((r) => ({
      pairingKey: r.pairingKey,
      unitId: unit(r.unitKey),
      communityId: get(ids.nodes, r.communityKey, "community").id,
      territoryPath: path(r.communityKey),
      day: r.day,
    })),
  });
  await bulkInsertWallsCallUpsTalents(tx, {
    promises: data.promises.map((p) => ({
      memberId: member(p.memberKey),
      userId: user(p.accountPhone),
      territoryPath: path(p.homeKey),
      year: p.year,
      text: p.text,
      status: p.status,
      keptNote: p.keptNote ?? null,
      keptAt: date(p.keptAt),
      createdAt: new Date(p.createdAt),
    })),
    pioneers: data.pioneers.map((p) => ({
      memberId: member(p.memberKey),
      territoryPath: path(p.homeKey),
      year: p.year,
      citation: p.citation,
      createdBy: user(p.createdBy),
      createdAt: new Date(p.createdAt),
    })),
    mobilisations: data.callUps.map(
      ({ communityKey, members, raisedBy, raisedAt, dissolvedAt, ...c }, i) => ({
        ...c,
        key: String(i),
        nodeId: get(ids.nodes, communityKey, "community").id,
        territoryPath: path(communityKey),
        raisedBy: user(raisedBy),
        raisedAt: new Date(raisedAt),
        dissolvedAt: new Date(dissolvedAt),
      }),
    ),
    mobilisationMembers: data.callUps.flatMap((c, i) =>
      c.members.map((m) => ({
        key: String(i),
        memberId: member(m.memberKey),
        leader: m.leader,
        notifiedAt: new Date(m.notifiedAt),
        reportedAt: date(m.reportedAt),
        reportedLocation: m.reportedLocation ?? null,
        reportedNote: m.reportedNote ?? null,
      })),
    ),
    talents: data.talents.map(({ memberKey, communityKey, createdAt, availability, ...t }) => ({
      ...t,
      memberId: memberKey ? member(memberKey) : null,
      territoryPath: path(communityKey),
      availability: availability ?? null,
      createdAt: new Date(createdAt),
    })),
    seekers: data.seekers.map(({ communityKey, createdBy, createdAt, matches, ...s }, i) => ({
      ...s,
      key: String(i),
      territoryPath: path(communityKey),
      createdBy: user(createdBy),
      createdAt: new Date(createdAt),
    })),
    matches: data.seekers.flatMap((s, i) =>
      s.matches.map((m) => ({
        ...m,
        key: String(i),
        createdAt: new Date(m.createdAt),
        decidedAt: date(m.decidedAt),
      })),
    ),
  });
  return { pairings: data.pairings.length, reportIns: data.reportIns.length, records: data.records.length };
}
