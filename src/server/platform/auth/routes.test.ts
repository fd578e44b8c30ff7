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

  it("asks a token for the reveal scope on every route that unmasks personal data", () => {
    const reveals = t.app.routeAccess.filter((r) => isApiRoute(r.url) && /\/reveal(-|$)/.test(r.url));
    expect(reveals.length).toBeGreaterThan(0);
    expect(reveals.filter((r) => r.scope !== "reveal").map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it("keeps 'public' for the few routes an anonymous caller needs", () => {
    const open = t.app.routeAccess
      .filter((r) => isApiRoute(r.url) && r.access === "public")
      .map((r) => `${r.method} ${r.url}`);
    expect(open.sort()).toEqual([
      // The categories a resident picks from on the poster's form before he signs in (Open311's are public too).
      "GET /api/v1/cases/categories",
      "GET /api/v1/client-config",
      // The communities a resident names when he asks to be bound to his household.
      "GET /api/v1/public/communities",
      // 党员风采墙: a community's signature, promise and pioneer walls and their photos (names masked).
      "GET /api/v1/public/engagement/walls/:communityId",
      "GET /api/v1/public/engagement/walls/:communityId/photos/:photoId",
      // The contact card (民情联系卡) is a public notice: the page, its poster and its photos.
      "GET /api/v1/public/grids/:code/card",
      "GET /api/v1/public/grids/:code/photos/:photoId",
      "GET /api/v1/public/grids/:code/poster.pdf",
      // A shop's page its QR code opens (商铺积分): name, score, titles and stars, nothing personal.
      "GET /api/v1/public/points/shops/:merchantId",
      "GET /api/v1/public/points/shops/:merchantId/qr.png",
      // The wish wall (心愿墙): the wishes the community published, their communities and photos.
      "GET /api/v1/public/wishes",
      "GET /api/v1/public/wishes/:id/photos/:photoId",
      "GET /api/v1/public/wishes/communities",
      // Open311 reads are public by the specification; its POST is authenticated by the form's api_key.
      "GET /open311/v2/requests.:format",
      "GET /open311/v2/requests/:service_request_id.:format",
      "GET /open311/v2/services.:format",
      "GET /open311/v2/services/:service_code.:format",
      "HEAD /api/v1/cases/categories",
      "HEAD /api/v1/client-config",
      "HEAD /api/v1/public/communities",
      "HEAD /api/v1/public/engagement/walls/:communityId",
      "HEAD /api/v1/public/engagement/walls/:communityId/photos/:photoId",
      "HEAD /api/v1/public/grids/:code/card",
      "HEAD /api/v1/public/grids/:code/photos/:photoId",
      "HEAD /api/v1/public/grids/:code/poster.pdf",
      "HEAD /api/v1/public/points/shops/:merchantId",
      "HEAD /api/v1/public/points/shops/:merchantId/qr.png",
      "HEAD /api/v1/public/wishes",
      "HEAD /api/v1/public/wishes/:id/photos/:photoId",
      "HEAD /api/v1/public/wishes/communities",
      "HEAD /open311/v2/requests.:format",
      "HEAD /open311/v2/requests/:service_request_id.:format",
      "HEAD /open311/v2/services.:format",
      "HEAD /open311/v2/services/:service_code.:format",
      "POST /api/v1/auth/login",
      // Signing in by SMS code, and a forgotten password reset with one (limited per phone and address).
      "POST /api/v1/auth/password/reset",
      "POST /api/v1/auth/sms/login",
      "POST /api/v1/auth/sms/send",
      "POST /api/v1/auth/wechat/login",
      // A one-key call device authenticates itself with its per-device secret.
      "POST /api/v1/devices/:deviceId/calls",
      // A consumer rates a shop from its QR code: once a day per phone, limited per address.
      "POST /api/v1/public/points/shops/:merchantId/ratings",
      "POST /open311/v2/requests.:format",
    ]);
  });
});
