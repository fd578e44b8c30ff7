import cookie from "@fastify/cookie";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { installErrorHandling } from "../http/error-handler.ts";
import { installAuth } from "./guard.ts";
import type { TokenScope } from "./scopes.ts";

/** An app whose every bearer token is one caller's token with these scopes. */
async function appWithToken(scopes: TokenScope[]) {
  const app = Fastify();
  installErrorHandling(app);
  await app.register(cookie);
  installAuth(app, async () => ({
    userId: "u",
    phone: "13800000001",
    name: "x",
    roles: [],
    via: "token",
    credentialId: "t",
    scopes,
  }));
  return app;
}
const bearer = { authorization: "Bearer anything" };

describe("the guard", () => {
  it("refuses an API route that forgot to declare access, even to a logged-in caller", async () => {
    const app = await appWithToken(["read", "write"]);
    app.get("/api/v1/forgotten", async () => ({ secret: true }));
    const res = await app.inject({ url: "/api/v1/forgotten", headers: bearer });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain("secret");
    expect(app.routeAccess).toContainEqual({ method: "GET", url: "/api/v1/forgotten", access: undefined });
    await app.close();
  });

  it("holds a token to its scopes: read for GET, write otherwise, reveal for ?reveal= and reveal routes", async () => {
    const app = await appWithToken(["read"]);
    const ok = async () => ({ ok: true });
    app.get("/api/v1/things", { config: { access: "authenticated" } }, ok);
    app.post("/api/v1/things", { config: { access: "authenticated" } }, ok);
    app.post("/api/v1/things/:id/reveal", { config: { access: "authenticated", scope: "reveal" } }, ok);
    app.post("/api/v1/bye", { config: { access: "authenticated", scope: "any" } }, ok);
    const call = (method: "GET" | "HEAD" | "POST", url: string) =>
      app.inject({ method, url, headers: bearer });
    expect((await call("GET", "/api/v1/things")).statusCode).toBe(200);
    expect((await call("HEAD", "/api/v1/things")).statusCode).toBe(200);
    const write = await call("POST", "/api/v1/things");
    expect(write.statusCode).toBe(403);
    expect(write.json().error).toMatchObject({ code: "FORBIDDEN", details: { missingScopes: ["write"] } });
    expect((await call("GET", "/api/v1/things?reveal=true")).json().error.details).toEqual({
      missingScopes: ["reveal"],
    });
    expect((await call("GET", "/api/v1/things?reveal=false")).statusCode).toBe(200);
    expect((await call("POST", "/api/v1/things/1/reveal")).json().error.details).toEqual({
      missingScopes: ["reveal"],
    });
    expect((await call("POST", "/api/v1/bye")).statusCode).toBe(200);
    await app.close();
  });
});
