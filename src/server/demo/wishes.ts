import type { InsertedNode } from "../modules/territory/index.ts";
import type { BulkWish } from "../modules/wishes/index.ts";
import type { DemoWish, DemoWishActor } from "./generate/wishes.ts";

/** The demo wishes with ids for their places, units and the demo accounts among their people. */
export function wishesOf(
  demo: readonly DemoWish[],
  ids: { nodes: Map<string, InsertedNode>; users: Map<string, string>; units: Map<string, string> },
): BulkWish[] {
  const userOf = (a: DemoWishActor | undefined) =>
    a?.accountPhone ? (ids.users.get(a.accountPhone) ?? null) : null;
  const date = (ms: number | undefined) => (ms === undefined ? null : new Date(ms));
  return demo.map((w) => {
    const node = ids.nodes.get(w.nodeKey);
    if (!node) throw new Error(`demo wish node ${w.nodeKey} missing`);
    const reviewed = w.events.find((e) => e.action === "approve" || e.action === "reject");
    return {
      wisherUserId: userOf(w.wisher),
      wisherName: w.wisher.name,
      wisherPhone: w.wisher.phone,
      wisherKind: w.wisherKind,
      category: w.category,
      title: w.title,
      description: w.description,
      photos: [],
      nodeId: node.id,
      territoryPath: node.path,
      status: w.status,
      reviewedBy: userOf(reviewed?.actor),
      reviewNote: w.reviewNote ?? null,
      publishedAt: date(w.publishedAt),
      claimerUserId: userOf(w.claimer),
      claimerName: w.claimer?.name ?? null,
      claimerKind: w.claimer?.kind ?? null,
      claimerUnitId: w.claimer?.unitKey ? (ids.units.get(w.claimer.unitKey) ?? null) : null,
      claimerUnitName: w.claimer?.unitName ?? null,
      claimedAt: date(w.claimedAt),
      fulfilledAt: date(w.fulfilledAt),
      fulfilNote: w.fulfilNote ?? null,
      fulfilPhotos: [],
      confirmedAt: date(w.confirmedAt),
      thanks: w.thanks ?? null,
      createdAt: new Date(w.createdAt),
      events: w.events.map((e) => ({
        at: new Date(e.at),
        actorId: userOf(e.actor),
        actorName: e.actor.name,
        action: e.action,
        fromStatus: e.from,
        toStatus: e.to,
        note: e.note ?? null,
      })),
    };
  });
}
