import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs, ORIGIN, PHONES, startTestApp, type TestApp } from "../../testing/harness.ts";
import { purgeExpired } from "./jobs.ts";
import { loginFailures, sessions, users } from "./tables.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const login = (phone: string, password: string, remoteAddress = "10.0.0.1") =>
  t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { phone, password }, remoteAddress });

describe("login", () => {
  it("answers the user with roles and sets an HttpOnly SameSite session cookie", async () => {
    const res = await login(PHONES.communityStaff, "demo12345");
    expect(res.statusCode).toBe(200);
    const { user } = res.json();
    expect(user.phone).toBe(PHONES.communityStaff);
    expect(user.roles).toEqual([
      expect.objectContaining({ role: "communityStaff", nodeName: "红旗社区", nodeLevel: "community" }),
    ]);
    const cookie = res.cookies.find((c) => c.name === "sid");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(JSON.stringify(res.json())).not.toContain("password");
  });

  it("stores passwords as scrypt hashes, never in clear", async () => {
    const [row] = await t.database.db.select().from(users).where(eq(users.phone, PHONES.resident));
    expect(row?.passwordHash).toMatch(/^scrypt\$/);
    expect(row?.passwordHash).not.toContain("demo12345");
  });

  it("refuses a wrong password with a Chinese message by default and English on request", async () => {
    const zh = await login(PHONES.merchant, "wrong-password", "10.0.0.2");
    expect(zh.statusCode).toBe(401);
    expect(zh.json().error).toEqual({ code: "INVALID_CREDENTIALS", message: "手机号或密码错误" });
    const en = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "accept-language": "en-US,en;q=0.9" },
      payload: { phone: PHONES.merchant, password: "nope" },
      remoteAddress: "10.0.0.2",
    });
    expect(en.json().error.message).toBe("Wrong phone number or password");
  });

  it("limits failed logins per phone: the sixth try is 429 even with the right password", async () => {
    for (let i = 0; i < 5; i++)
      expect((await login(PHONES.propertyStaff, "bad", `10.1.0.${i}`)).statusCode).toBe(401);
    const blocked = await login(PHONES.propertyStaff, "demo12345", "10.1.0.99");
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("TOO_MANY_ATTEMPTS");
  });

  it("limits failed logins per address across phones", async () => {
    for (let i = 0; i < 30; i++) await login(`1390000${String(i).padStart(4, "0")}`, "bad", "10.9.9.9");
    const blocked = await login(PHONES.partyMember, "demo12345", "10.9.9.9");
    expect(blocked.statusCode).toBe(429);
    // The same person from another address is not punished for the attacker.
    expect((await login(PHONES.partyMember, "demo12345", "10.9.9.10")).statusCode).toBe(200);
  });

  it("ends the session at logout", async () => {
    const s = await loginAs(t.app, PHONES.gridWorker);
    expect((await t.app.inject({ url: "/api/v1/auth/me", headers: s.headers })).statusCode).toBe(200);
    const out = await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: s.headers });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ url: "/api/v1/auth/me", headers: s.headers });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe("UNAUTHORIZED");
  });
});

describe("CSRF", () => {
  it("refuses cookie-authenticated writes without this site's Origin", async () => {
    const s = await loginAs(t.app, PHONES.districtAdmin);
    const { origin: _, ...noOrigin } = s.headers;
    const post = (headers: Record<string, string>) =>
      t.app.inject({ method: "POST", url: "/api/v1/auth/tokens", headers, payload: { name: "x" } });
    expect((await post(noOrigin)).json().error.code).toBe("CSRF_REJECTED");
    expect((await post({ ...noOrigin, origin: "https://evil.example" })).statusCode).toBe(403);
    expect((await post(s.headers)).statusCode).toBe(201);
    expect(s.headers.origin).toBe(ORIGIN);
  });
});

describe("bearer tokens", () => {
  it("are shown once, listed without the secret, work as Authorization, and stop working when revoked", async () => {
    const s = await loginAs(t.app, PHONES.streetStaff);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/tokens",
      headers: s.headers,
      payload: { name: "12345 热线对接", expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^gg_/);
    const auth = { authorization: `Bearer ${token}` };
    const me = await t.app.inject({ url: "/api/v1/auth/me", headers: auth });
    expect(me.json().user.phone).toBe(PHONES.streetStaff);
    const list = await t.app.inject({ url: "/api/v1/auth/tokens", headers: auth });
    expect(list.json().items).toEqual([
      expect.objectContaining({ id, name: "12345 热线对接", revokedAt: null }),
    ]);
    expect(list.body).not.toContain(token);
    // A bearer client needs no Origin: it is not a browser with ambient cookies.
    const revoked = await t.app.inject({ method: "DELETE", url: `/api/v1/auth/tokens/${id}`, headers: auth });
    expect(revoked.json().revokedAt).not.toBeNull();
    const after = await t.app.inject({ url: "/api/v1/auth/me", headers: auth });
    expect(after.statusCode).toBe(401);
  });

  it("cannot revoke another user's token", async () => {
    const a = await loginAs(t.app, PHONES.districtAdmin);
    const b = await loginAs(t.app, PHONES.departmentStaff);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/tokens",
      headers: a.headers,
      payload: { name: "a" },
    });
    const res = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/auth/tokens/${created.json().id}`,
      headers: b.headers,
    });
    expect(res.statusCode).toBe(404);
  });

  it("rejects a malformed or unknown bearer token with 401", async () => {
    expect(
      (await t.app.inject({ url: "/api/v1/auth/me", headers: { authorization: "Bearer gg_nope" } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ url: "/api/v1/auth/me", headers: { authorization: "Basic abc" } })).statusCode,
    ).toBe(401);
  });
});

describe("housekeeping", () => {
  it("purges expired sessions and stale login failures, and keeps live sessions working", async () => {
    const live = await loginAs(t.app, PHONES.departmentStaff);
    const [user] = await t.database.db.select().from(users).where(eq(users.phone, PHONES.departmentStaff));
    if (!user) throw new Error("demo user missing");
    await t.database.db
      .insert(sessions)
      .values({ idHash: "expired-session", userId: user.id, expiresAt: new Date(Date.now() - 1000) });
    await t.database.db
      .insert(loginFailures)
      .values({ phone: "13700000000", ip: "10.7.7.7", at: new Date(Date.now() - 86_400_000) });
    const purged = await purgeExpired(t.database.db);
    expect(purged.sessions).toBeGreaterThanOrEqual(1);
    expect(purged.failures).toBeGreaterThanOrEqual(1);
    expect(
      await t.database.db.select().from(sessions).where(eq(sessions.idHash, "expired-session")),
    ).toHaveLength(0);
    expect((await t.app.inject({ url: "/api/v1/auth/me", headers: live.headers })).statusCode).toBe(200);
  });
});
