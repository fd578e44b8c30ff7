import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../testing/harness.ts";
import { isApiRoute } from "./guard.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe("every API route declares who may call it", () => {
  it("has an access rule (a permission, authenticated, or explicit public) on every /api route", () => {
    const api = t.app.routeAccess.filter((r) => isApiRoute(r.url));
    expect(api.length).toBeGreaterThan(5);
    const undeclared = api.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it("keeps 'public' for the few routes an anonymous caller needs", () => {
    const open = t.app.routeAccess
      .filter((r) => isApiRoute(r.url) && r.access === "public")
      .map((r) => `${r.method} ${r.url}`);
    expect(open.sort()).toEqual([
      "GET /api/v1/client-config",
      "HEAD /api/v1/client-config",
      "POST /api/v1/auth/login",
    ]);
  });
});
