import type { Session, TestApp } from "../../testing/harness.ts";

// Calls the order tests make: as a demo role (by name) or with a caller's own headers.

export type Who = string | Record<string, string>;

interface Context {
  t: TestApp;
  s: Record<string, Session>;
  /** Where published orders are: the centre of the first grid. */
  point: { lat: number; lng: number };
}

/** `context` is read at each call, so a test file may fill it in its beforeAll. */
export function orderCalls(context: () => Context) {
  const headersOf = (who: Who) => (typeof who === "string" ? context().s[who]?.headers : who);
  const get = (who: Who, url: string) => context().t.app.inject({ url, headers: headersOf(who) });
  const post = (who: Who, url: string, payload: unknown = {}) =>
    context().t.app.inject({ method: "POST", url, payload: payload as object, headers: headersOf(who) });
  const publish = (body: Record<string, unknown> = {}) =>
    post("communityStaff", "/api/v1/orders", {
      categoryCode: "errand",
      title: "帮独居老人代购降压药",
      description: "老人腿脚不便，需要去药店代购降压药",
      location: context().point,
      requesterName: "王秀兰",
      requesterPhone: "13912340000",
      ...body,
    });
  const act = (who: Who, code: string, action: string, body: Record<string, unknown> = {}) =>
    post(who, `/api/v1/orders/${code}/${action}`, body);
  return { get, post, publish, act };
}
