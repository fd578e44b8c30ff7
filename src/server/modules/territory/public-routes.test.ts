import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWithSessions, type TestApp } from "../../testing/harness.ts";

let t: TestApp;
beforeAll(async () => {
  ({ t } = await startWithSessions());
});
afterAll(() => t.close());

describe("the public list of communities", () => {
  it("names every community with its street, to anyone (a resident not yet bound picks his own)", async () => {
    const res = await t.as(undefined).get("/api/v1/public/communities");
    expect(res.statusCode).toBe(200);
    const communities = res.json() as Array<{ id: string; name: string; street: string }>;
    expect(communities.map((c) => c.name)).toContain("红旗社区");
    expect(communities.every((c) => c.street.length > 0)).toBe(true);
    // Nothing but the names: no codes, paths or boundaries.
    expect(Object.keys(communities[0] ?? {}).sort()).toEqual(["id", "name", "street"]);
  });

  it("lets the request form of a poster's QR code list the case categories before signing in", async () => {
    const res = await t.as(undefined).get("/api/v1/cases/categories");
    expect(res.statusCode).toBe(200);
    expect((res.json() as unknown[]).length).toBeGreaterThan(0);
  });
});
