import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownGridCentre, type Session, startWithSessions, type TestApp } from "../../testing/harness.ts";
import { residents } from "../people/tables.ts";
import { smsCodes } from "./tables.ts";

let t: TestApp;
let s: Record<string, Session>;
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
});
afterAll(() => t.close());

const ORIGIN = { origin: "http://localhost", host: "localhost" };
/** The code of the last text sent to a phone. */
const lastCode = (phone: string) => {
  const text = t.sms.sent.filter((m) => m.phone === phone).at(-1)?.text ?? "";
  return /(\d{6})/.exec(text)?.[1] ?? "";
};
const post = (url: string, payload: unknown, ip = "127.0.0.1") =>
  t.app.inject({ method: "POST", url, payload: payload as object, remoteAddress: ip });

async function signInBySms(phone: string, ip = "127.0.0.1") {
  expect((await post("/api/v1/auth/sms/send", { phone }, ip)).statusCode).toBe(202);
  const res = await post("/api/v1/auth/sms/login", { phone, code: lastCode(phone) }, ip);
  expect(res.statusCode).toBe(200);
  return { res, him: { cookie: `sid=${res.cookies.find((c) => c.name === "sid")?.value}`, ...ORIGIN } };
}

describe("sign-in by SMS code", () => {
  it("texts a 6-digit code; the first sign-in creates a resident account without roles who can report", async () => {
    const { res, him } = await signInBySms("13712340001");
    expect(t.sms.sent.at(-1)?.text).toMatch(/验证码是 \d{6}，5 分钟内有效/);
    const user = res.json().user;
    expect(user.roles).toEqual([]);
    expect(user.mustChangePassword).toBe(false);
    // Unbound, he still reports by location and follows his own cases.
    const categories = (await t.as(him).get("/api/v1/cases/categories")).json();
    const category = (categories.items ?? categories)[0];
    const { lat, lng } = await ownGridCentre(t.app, s.gridWorker as Session);
    const filed = await t.as(him).post("/api/v1/cases", {
      categoryCode: category.code,
      description: "楼道灯坏了，晚上看不见",
      location: { lat, lng },
    });
    expect(filed.statusCode).toBe(201);
    const mine = (await t.as(him).get("/api/v1/cases/mine")).json();
    expect(mine.items.map((c: { code: string }) => c.code)).toContain(filed.json().code);
    // A second sign-in (past the one-a-minute rule) is the same account.
    await t.database.db
      .update(smsCodes)
      .set({ createdAt: new Date(Date.now() - 120_000) })
      .where(eq(smsCodes.phone, "13712340001"));
    const again = await signInBySms("13712340001", "10.0.0.9");
    expect(again.res.json().user.id).toBe(user.id);
  });

  it("refuses a wrong code, spends a code after five wrong tries, and never reuses one", async () => {
    const phone = "13712340002";
    await post("/api/v1/auth/sms/send", { phone });
    const code = lastCode(phone);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) {
      const res = await post("/api/v1/auth/sms/login", { phone, code: wrong });
      expect(res.json().error.code).toBe("CODE_INVALID");
    }
    // The right code, too late: the five failures spent it.
    expect((await post("/api/v1/auth/sms/login", { phone, code })).statusCode).toBe(401);
    const used = await signInBySms("13712340003");
    const replay = await post("/api/v1/auth/sms/login", {
      phone: "13712340003",
      code: lastCode("13712340003"),
    });
    expect(replay.statusCode).toBe(401);
    expect(used.res.statusCode).toBe(200);
  });

  it("limits sends per phone (one a minute) and per address", async () => {
    expect((await post("/api/v1/auth/sms/send", { phone: "13712340004" }, "10.1.0.1")).statusCode).toBe(202);
    const soon = await post("/api/v1/auth/sms/send", { phone: "13712340004" }, "10.1.0.2");
    expect(soon.statusCode).toBe(429);
    expect(soon.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
    // One address texting many phones is stopped after 30 in the hour.
    const codes = [];
    for (let i = 0; i < 31; i++) {
      const phone = `1361234${String(i).padStart(4, "0")}`;
      codes.push((await post("/api/v1/auth/sms/send", { phone }, "10.2.0.1")).statusCode);
    }
    expect(codes.slice(0, 30).every((c) => c === 202)).toBe(true);
    expect(codes[30]).toBe(429);
  });

  it("resets a forgotten password by SMS code; a stranger's number gets the same answer and no text", async () => {
    const before = t.sms.sent.length;
    const stranger = await post(
      "/api/v1/auth/sms/send",
      { phone: "13512349999", purpose: "reset" },
      "10.3.0.1",
    );
    expect(stranger.statusCode).toBe(202);
    expect(t.sms.sent.length).toBe(before);

    const phone = "13800000004";
    await post("/api/v1/auth/sms/send", { phone, purpose: "reset" }, "10.3.0.2");
    expect(t.sms.sent.at(-1)?.text).toMatch(/重设密码/);
    const reset = await post(
      "/api/v1/auth/password/reset",
      { phone, code: lastCode(phone), next: "Xinmima2026" },
      "10.3.0.2",
    );
    expect(reset.statusCode).toBe(204);
    // The old password no longer works, the old session has ended, the new one works.
    expect((await t.as("gridWorker").get("/api/v1/auth/me")).statusCode).toBe(401);
    const old = await post("/api/v1/auth/login", { phone, password: "demo12345" }, "10.3.0.3");
    expect(old.statusCode).toBe(401);
    const fresh = await post("/api/v1/auth/login", { phone, password: "Xinmima2026" }, "10.3.0.3");
    expect(fresh.statusCode).toBe(200);
  });
});

describe("WeChat sign-in", () => {
  it("says plainly that it is not set up where no WeChat provider is plugged in", async () => {
    const res = await post("/api/v1/auth/wechat/login", { code: "071abcDEF" });
    expect(res.statusCode).toBe(501);
    expect(res.json().error).toMatchObject({
      code: "WECHAT_NOT_CONFIGURED",
      message: expect.stringContaining("手机验证码"),
    });
  });
});

describe("binding a resident account to its household", () => {
  it("binds at once when name and 身份证 number match, else asks the community without telling why", async () => {
    const [registered] = await t.database.db.select().from(residents).limit(1);
    if (!registered) throw new Error("no residents in the demo");
    const idNumber = t.pii.decrypt(registered.idCipher);
    const community = s.communityStaff?.user.roles[0]?.nodeId as string;

    const a = await signInBySms("13712340011", "10.4.0.1");
    // The right number with another name: pending, answered exactly like an unknown number.
    const wrongName = await t.as(a.him).post("/api/v1/me/household-binding", {
      name: "张冒名",
      idNumber,
      communityId: community,
    });
    expect(wrongName.statusCode).toBe(201);
    expect(wrongName.json().status).toBe("pending");
    const bad = await t.as(a.him).post("/api/v1/me/household-binding", {
      name: "张冒名",
      idNumber: "110101199003071234",
      communityId: community,
    });
    expect(bad.json().error.code).toBe("INVALID_ID_NUMBER");

    const b = await signInBySms("13712340012", "10.4.0.2");
    const matched = await t.as(b.him).post("/api/v1/me/household-binding", {
      name: registered.name,
      idNumber,
      communityId: community,
    });
    expect(matched.json().status).toBe("confirmed");
    const me = (await t.as(b.him).get("/api/v1/auth/me")).json().user;
    expect(me.name).toBe(registered.name);
    expect(me.roles).toEqual([expect.objectContaining({ role: "resident", nodeLevel: "household" })]);

    // The community sees the pending one and confirms it to a household of its own.
    const list = (await t.as("communityStaff").get("/api/v1/accounts/bindings")).json();
    const request = list.items.find((i: { name: string }) => i.name === "张冒名");
    expect(request).toMatchObject({ status: "pending", phone: "137****0011" });
    const households = (await t.as("communityStaff").get("/api/v1/people/households?pageSize=1")).json();
    const household = households.items[0];
    const confirm = await t.as("communityStaff").post(`/api/v1/accounts/bindings/${request.id}/confirm`, {
      householdId: household.id,
    });
    expect(confirm.statusCode).toBe(204);
    const twice = await t.as("communityStaff").post(`/api/v1/accounts/bindings/${request.id}/confirm`, {
      householdId: household.id,
    });
    expect(twice.json().error.code).toBe("BINDING_DECIDED");
    const bound = (await t.as(a.him).get("/api/v1/auth/me")).json().user;
    expect(bound.roles).toEqual([expect.objectContaining({ role: "resident" })]);
    const notices = (await t.as(a.him).get("/api/v1/notifications")).json();
    expect(notices.items[0].title).toBe("家庭绑定已确认");
    // A waiting request is settled, not left behind, when he then enters what the register holds.
    const [second] = await t.database.db.select().from(residents).limit(1).offset(1);
    if (!second) throw new Error("one resident only");
    const c = await signInBySms("13712340013", "10.4.0.3");
    await t.as(c.him).post("/api/v1/me/household-binding", { name: "错名字", communityId: community });
    const settled = await t.as(c.him).post("/api/v1/me/household-binding", {
      name: second.name,
      idNumber: t.pii.decrypt(second.idCipher),
      communityId: community,
    });
    expect(settled.json().status).toBe("confirmed");
    const waiting = (await t.as("communityStaff").get("/api/v1/accounts/bindings")).json();
    expect(waiting.items.map((i: { phone: string }) => i.phone)).not.toContain("137****0013");
    // Another community's staff does not see it; a registered row's number never shows.
    const [registeredAgain] = await t.database.db
      .select()
      .from(residents)
      .where(eq(residents.id, registered.id));
    expect(JSON.stringify(list)).not.toContain(t.pii.decrypt(registeredAgain?.idCipher ?? ""));
  });
});
