import { createOrder } from "../../testing/factories.ts";
import type { TestApp, Who } from "../../testing/harness.ts";

// The order tests' two calls: publish at the test's point as community staff, and take a step.

interface Context {
  t: TestApp;
  /** Where published orders are: the centre of the first grid. */
  point: { lat: number; lng: number };
}

/** `context` is read at each call, so a test file may fill it in its beforeAll. */
export function orderCalls(context: () => Context) {
  /** The published order's JSON (`createOrder` with the test's point). */
  const publish = (body: Record<string, unknown> = {}) =>
    createOrder(context().t.as("communityStaff"), { location: context().point, ...body });
  const act = (who: Who, code: string, action: string, body: Record<string, unknown> = {}) =>
    context().t.as(who).post(`/api/v1/orders/${code}/${action}`, body);
  return { publish, act };
}
