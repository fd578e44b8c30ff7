import type { BulkOrder } from "../modules/orders/index.ts";
import type { InsertedNode } from "../modules/territory/index.ts";
import type { DemoOrder, DemoOrderActor } from "./generate/orders.ts";

/** The demo orders with ids for their places and for the demo accounts among their people. */
export function ordersOf(
  demo: readonly DemoOrder[],
  ids: { nodes: Map<string, InsertedNode>; users: Map<string, string> },
): BulkOrder[] {
  const nodeOf = (key: string) => {
    const node = ids.nodes.get(key);
    if (!node) throw new Error(`demo order node ${key} missing`);
    return node;
  };
  const userOf = (a: DemoOrderActor | null | undefined) =>
    a?.accountPhone ? (ids.users.get(a.accountPhone) ?? null) : null;
  const date = (ms: number | undefined) => (ms === undefined ? null : new Date(ms));
  return demo.map((o) => {
    const grid = nodeOf(o.gridKey);
    return {
      caseId: null,
      categoryCode: o.categoryCode,
      title: o.title,
      description: o.description,
      address: o.address,
      lat: o.lat,
      lng: o.lng,
      nodeId: grid.id,
      territoryPath: grid.path,
      audiencePath: nodeOf(o.audienceKey).path,
      audience: o.audience,
      teamId: null,
      maxDistanceMeters: o.maxDistanceMeters,
      onSiteMinutes: 30,
      requesterUserId: userOf(o.requester),
      requesterName: o.requester.name,
      requesterPhone: o.requester.phone,
      status: o.status,
      takerUserId: userOf(o.taker),
      takerName: o.taker?.name ?? null,
      grabbedAt: date(o.grabbedAt),
      onSiteDueAt: date(o.onSiteDueAt),
      arrivedAt: date(o.arrivedAt),
      completedAt: date(o.completedAt),
      completionNote: o.completionNote ?? null,
      completionPhotos: [],
      score: o.score ?? null,
      ratingComment: o.ratingComment ?? null,
      ratedAt: date(o.ratedAt),
      misses: o.missed.length,
      publishedBy: userOf(o.publisher),
      createdAt: new Date(o.createdAt),
      missed: o.missed.map((m) => ({
        userId: ids.users.get(m.accountPhone) as string,
        grabbedAt: new Date(m.grabbedAt),
        dueAt: new Date(m.dueAt),
        missedAt: new Date(m.missedAt),
      })),
      events: o.events.map((e) => ({
        at: new Date(e.at),
        actorId: userOf(e.actor),
        actorName: e.actor?.name ?? "系统",
        action: e.action,
        fromStatus: e.from,
        toStatus: e.to,
        note: e.note ?? null,
        data: e.data,
      })),
    };
  });
}
