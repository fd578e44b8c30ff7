import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs, ORIGIN, PHONES, startTestApp, type TestApp } from "../../testing/harness.ts";
import { purgeExpired } from "./jobs.ts";
import {
  LOGIN_WINDOW_MINUTES,
  loginDelayMs,
  MAX_FAILURES_PER_PHONE_AND_IP,
  SLOW_DOWN_AFTER,
} from "./limits.ts";
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
    expect(zh.json().error).toMatchObject({ code: "INVALID_CREDENTIALS", message: "手机号或密码错误" });
    const en = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "accept-language": "en-US,en;q=0.9" },
      payload: { phone: PHONES.merchant, password: "nope" },
      remoteAddress: "10.0.0.2",
    });
    expect(en.json().error.message).toBe("Wrong phone number or password");
  });

  it("refuses a phone from one address after 5 failures, and lets its owner in from another", async () => {
    for (let i = 0; i < 5; i++)
      expect((await login(PHONES.propertyStaff, "bad", "10.1.0.1")).statusCode).toBe(401);
    const blocked = await login(PHONES.propertyStaff, "demo12345", "10.1.0.1");
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("TOO_MANY_ATTEMPTS");
    const { retryAfterSeconds } = blocked.json().error.details;
    expect(retryAfterSeconds).toBeGreaterThan(LOGIN_WINDOW_MINUTES * 60 - 60);
    expect(retryAfterSeconds).toBeLessThanOrEqual(LOGIN_WINDOW_MINUTES * 60);
    // The stranger locked out only himself.
    expect((await login(PHONES.propertyStaff, "demo12345", "10.1.0.2")).statusCode).toBe(200);
  });

  /** n simultaneous wrong passwords for `phone` from one address: the answers, and how many were checked. */
  async function guessAtOnce(phone: string, n: number, ip: string) {
    const [user] = await t.database.db.select().from(users).where(eq(users.phone, phone));
    const answers = await Promise.all(Array.from({ length: n }, () => login(phone, "wrong", ip)));
    const statuses = answers.map((a) => a.statusCode);
    const admin = await loginAs(t.app, PHONES.districtAdmin);
    // Every checked password that failed left one audit row.
    const audit = await t.app.inject({
      url: `/api/v1/audit?action=auth.login_failed&entityId=${user?.id}`,
      headers: admin.headers,
    });
    return {
      checked: audit.json().total,
      refused: statuses.filter((s) => s === 429).length,
      wrong: statuses.filter((s) => s === 401).length,
    };
  }

  it.each([
    [60, PHONES.resident, "10.2.0.1"],
    [200, PHONES.communityStaff, "10.2.0.2"],
  ])(
    "checks 5 of %i simultaneous wrong passwords from one address; the owner logs in from another",
    async (n, phone, ip) => {
      expect(await guessAtOnce(phone, n, ip)).toEqual({
        checked: MAX_FAILURES_PER_PHONE_AND_IP,
        wrong: MAX_FAILURES_PER_PHONE_AND_IP,
        refused: n - MAX_FAILURES_PER_PHONE_AND_IP,
      });
      expect((await login(phone, "demo12345", "10.2.9.9")).statusCode).toBe(200);
    },
  );

  it("lets in every one of 10 simultaneous right passwords from one address", async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => login(PHONES.merchant, "demo12345", "10.4.0.1")),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(200));
  });

  it("slows down, never refuses, a phone guessed from many addresses", async () => {
    expect([0, 9, 10, 11, 12, 13, 14, 30].map(loginDelayMs)).toEqual([
      0, 0, 250, 500, 1000, 2000, 4000, 4000,
    ]);
    await t.database.db
      .insert(loginFailures)
      .values(
        Array.from({ length: SLOW_DOWN_AFTER }, (_, i) => ({ phone: PHONES.partyMember, ip: `10.3.0.${i}` })),
      );
    let started = Date.now();
    expect((await login(PHONES.partyMember, "wrong", "10.3.1.1")).statusCode).toBe(401);
    expect(Date.now() - started).toBeGreaterThanOrEqual(loginDelayMs(SLOW_DOWN_AFTER));
    started = Date.now();
    expect((await login(PHONES.partyMember, "demo12345", "10.3.1.2")).statusCode).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(loginDelayMs(SLOW_DOWN_AFTER + 1));
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

describe("token scopes and descendants", () => {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const makeToken = (headers: Record<string, string>, payload: Record<string, unknown>) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/auth/tokens",
      headers,
      payload: { name: "client", ...payload },
    });
  const me = async (token: string) =>
    (await t.app.inject({ url: "/api/v1/auth/me", headers: bearer(token) })).statusCode;

  it("reads, writes and files Open311 requests by default, shows the scopes when made and in the list", async () => {
    const s = await loginAs(t.app, PHONES.departmentStaff);
    const made = await makeToken(s.headers, {});
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ scopes: ["read", "write", "open311"], parentTokenId: null });
    const chosen = await makeToken(s.headers, { scopes: ["reveal", "read"] });
    expect(chosen.json().scopes).toEqual(["read", "reveal"]);
    const list = await t.app.inject({ url: "/api/v1/auth/tokens", headers: s.headers });
    expect(list.json().items).toContainEqual(
      expect.objectContaining({ id: chosen.json().id, scopes: ["read", "reveal"] }),
    );
    expect((await makeToken(s.headers, { scopes: ["everything"] })).statusCode).toBe(400);
    expect((await makeToken(s.headers, { scopes: [] })).statusCode).toBe(400);
  });

  it("lets a token make only narrower tokens expiring no later than itself, recording the parent", async () => {
    const s = await loginAs(t.app, PHONES.gridWorker);
    const parent = (await makeToken(s.headers, { scopes: ["read", "write"], expiresInDays: 10 })).json();
    const wider = await makeToken(bearer(parent.token), { scopes: ["read", "reveal"] });
    expect(wider.statusCode).toBe(403);
    expect(wider.json().error).toMatchObject({ code: "FORBIDDEN", details: { missingScopes: ["reveal"] } });
    const later = await makeToken(bearer(parent.token), { expiresInDays: 11 });
    expect(later.statusCode).toBe(422);
    expect(later.json().error).toMatchObject({
      code: "TOKEN_OUTLIVES_PARENT",
      details: { latestExpiresAt: parent.expiresAt },
    });
    const child = await makeToken(bearer(parent.token), { scopes: ["read"] });
    expect(child.statusCode).toBe(201);
    expect(child.json()).toMatchObject({
      scopes: ["read"],
      parentTokenId: parent.id,
      expiresAt: parent.expiresAt,
    });
    expect((await makeToken(bearer(parent.token), {})).json()).toMatchObject({
      scopes: ["read", "write"],
      expiresAt: parent.expiresAt,
    });
    // A read-only token writes nothing, a new token included; it may still read.
    const byChild = await makeToken(bearer(child.json().token), { scopes: ["read"] });
    expect(byChild.statusCode).toBe(403);
    expect(byChild.json().error.details).toEqual({ missingScopes: ["write"] });
    expect(await me(child.json().token)).toBe(200);
  });

  it("refuses a write, a reveal and an export with reveal=true outside the token's scopes", async () => {
    const s = await loginAs(t.app, PHONES.communityStaff);
    const readOnly = (await makeToken(s.headers, { scopes: ["read"] })).json().token;
    const post = await t.app.inject({
      method: "POST",
      url: "/api/v1/cases",
      headers: bearer(readOnly),
      payload: {},
    });
    expect(post.statusCode).toBe(403);
    expect(post.json().error.details).toEqual({ missingScopes: ["write"] });
    const [resident] = (
      await t.app.inject({ url: "/api/v1/people/residents?pageSize=1", headers: bearer(readOnly) })
    ).json().items;
    const reveal = (token: string) =>
      t.app.inject({
        method: "POST",
        url: `/api/v1/people/residents/${resident.id}/reveal`,
        headers: bearer(token),
        payload: { purpose: "核实身份" },
      });
    const readWrite = (await makeToken(s.headers, {})).json().token;
    expect((await reveal(readWrite)).json().error.details).toEqual({ missingScopes: ["reveal"] });
    const exported = await t.app.inject({
      url: "/api/v1/people/residents?format=xlsx&reveal=true&purpose=%E6%A0%B8%E5%AE%9E",
      headers: bearer(readWrite),
    });
    expect(exported.statusCode).toBe(403);
    const revealing = (await makeToken(s.headers, { scopes: ["read", "reveal"] })).json().token;
    expect((await reveal(revealing)).statusCode).toBe(200);
  });

  it("revokes the tokens made with a revoked token, generation by generation, at once", async () => {
    const s = await loginAs(t.app, PHONES.gridWorker);
    const parent = (await makeToken(s.headers, {})).json();
    const child = (await makeToken(bearer(parent.token), {})).json();
    const grandchild = (await makeToken(bearer(child.token), { scopes: ["read"] })).json();
    // Used once, so their principals sit in the cache.
    for (const token of [parent, child, grandchild]) expect(await me(token.token)).toBe(200);
    const revoked = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/auth/tokens/${parent.id}`,
      headers: s.headers,
    });
    expect(revoked.statusCode).toBe(200);
    for (const token of [parent, child, grandchild]) expect(await me(token.token)).toBe(401);
    const list = (await t.app.inject({ url: "/api/v1/auth/tokens", headers: s.headers })).json().items;
    for (const token of [parent, child, grandchild])
      expect(list.find((x: { id: string }) => x.id === token.id).revokedAt).not.toBeNull();
  });

  it("revokes a bearer token at logout with it, with its descendants, and leaves the session alone", async () => {
    const s = await loginAs(t.app, PHONES.gridWorker);
    const logout = (token: string) =>
      t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: bearer(token) });
    const token = (await makeToken(s.headers, {})).json().token;
    const sibling = (await makeToken(s.headers, {})).json().token;
    const made = (await makeToken(bearer(token), { scopes: ["read"] })).json().token;
    expect(await me(made)).toBe(200);
    expect((await logout(token)).statusCode).toBe(204);
    expect(await me(token)).toBe(401);
    expect(await me(made)).toBe(401);
    expect(await me(sibling)).toBe(200);
    expect((await t.app.inject({ url: "/api/v1/auth/me", headers: s.headers })).statusCode).toBe(200);
    // Even a read-only token may end itself.
    const readOnly = (await makeToken(s.headers, { scopes: ["read"] })).json().token;
    expect((await logout(readOnly)).statusCode).toBe(204);
    expect(await me(readOnly)).toBe(401);
  });

  it("ends the tokens made in a session when that session logs out", async () => {
    const s = await loginAs(t.app, PHONES.gridWorker);
    const other = await loginAs(t.app, PHONES.gridWorker);
    const mine = (await makeToken(s.headers, {})).json().token;
    const grandchild = (await makeToken(bearer(mine), {})).json().token;
    const elsewhere = (await makeToken(other.headers, {})).json().token;
    expect(await me(grandchild)).toBe(200);
    await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: s.headers });
    expect(await me(mine)).toBe(401);
    expect(await me(grandchild)).toBe(401);
    expect(await me(elsewhere)).toBe(200);
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
