import cookie from "@fastify/cookie";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { installErrorHandling } from "../http/error-handler.ts";
import { installAuth } from "./guard.ts";

describe("the guard", () => {
  it("refuses an API route that forgot to declare access, even to a logged-in caller", async () => {
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
    }));
    app.get("/api/v1/forgotten", async () => ({ secret: true }));
    const res = await app.inject({ url: "/api/v1/forgotten", headers: { authorization: "Bearer anything" } });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain("secret");
    expect(app.routeAccess).toContainEqual({ method: "GET", url: "/api/v1/forgotten", access: undefined });
    await app.close();
  });
});
