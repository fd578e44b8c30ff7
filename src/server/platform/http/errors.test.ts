import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, tokenFor } from "../../testing/harness.ts";

let t: TestApp;
let auth: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp();
  auth = { authorization: `Bearer ${await tokenFor(t.app, "13800000001")}` };
});
afterAll(() => t.close());

const expectError = (
  res: { statusCode: number; body: string; json(): { error: unknown } },
  status: number,
  code: string,
) => {
  expect(res.statusCode).toBe(status);
  expect(res.json().error).toMatchObject({ code, message: expect.any(String) });
  expect(res.json().error).toHaveProperty("details");
  expect(res.body).not.toMatch(/\n\s+at /);
};

describe("errors follow CONTRACT.md", () => {
  it("a request the HTTP parser refuses (raw Chinese in the URL) → 400 JSON", async () => {
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = t.app.server.address() as AddressInfo;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () =>
        socket.write(Buffer.from("GET /api/v1/people/residents?q=王 HTTP/1.1\r\nHost: x\r\n\r\n")),
      );
      let got = "";
      socket.on("data", (d) => {
        got += d.toString();
      });
      socket.on("end", () => resolve(got));
      socket.on("error", reject);
    });
    const [head = "", body = ""] = raw.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1.1 400/);
    expect(head).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(body).error).toEqual({
      code: "MALFORMED_REQUEST",
      message: expect.stringContaining("编码"),
      details: null,
    });
  });

  it("malformed JSON → 400 MALFORMED_JSON", async () => {
    const res = await t
      .as(undefined)
      .post("/api/v1/auth/login", '{"phone":', { "content-type": "application/json" });
    expectError(res, 400, "MALFORMED_JSON");
  });

  it("schema failures → 400 VALIDATION_FAILED naming the field", async () => {
    const res = await t.as(undefined).post("/api/v1/auth/login", { phone: 13800000001, password: {} });
    expectError(res, 400, "VALIDATION_FAILED");
    expect(res.json().error.details[0]).toMatchObject({ in: "body", path: "/phone" });
  });

  it("unknown properties in a body are refused, not silently dropped", async () => {
    const res = await t.as(auth).post("/api/v1/auth/tokens", { name: "x", admin: true });
    expectError(res, 400, "VALIDATION_FAILED");
    expect(res.json().error.details[0]).toMatchObject({ property: "admin" });
  });

  it("unknown route → 404 ROUTE_NOT_FOUND", async () => {
    expectError(await t.as(undefined).get("/api/v1/nope"), 404, "ROUTE_NOT_FOUND");
    expectError(await t.as(undefined).put("/api/v1/auth/me"), 404, "ROUTE_NOT_FOUND");
  });

  it("wrong content type → 415, oversized body → 413, NUL characters → 400 INVALID_INPUT", async () => {
    const text = await t
      .as(undefined)
      .post("/api/v1/auth/login", "phone=1", { "content-type": "text/plain" });
    expectError(text, 415, "UNSUPPORTED_MEDIA_TYPE");
    const big = await t
      .as(auth)
      .post("/api/v1/auth/tokens", JSON.stringify({ name: "x".repeat(2_000_000) }), {
        "content-type": "application/json",
      });
    expectError(big, 413, "PAYLOAD_TOO_LARGE");
    const nul = await t.as(auth).post("/api/v1/auth/tokens", { name: "a\u0000b" });
    expectError(nul, 400, "INVALID_INPUT");
  });

  it("text PostgreSQL cannot store → 400 INVALID_INPUT, in a query, a path, a JSON or a multipart body", async () => {
    const query = await t.as(auth).get("/api/v1/people/residents?q=%00");
    expectError(query, 400, "INVALID_INPUT");
    expect(query.json().error.details).toEqual({ in: "querystring", path: "/q" });
    expect(query.json().error.message).toMatch(/空字符/);
    const path = await t.as(undefined).get("/api/v1/public/grids/XG%00/card");
    expectError(path, 400, "INVALID_INPUT");
    expect(path.json().error.details).toEqual({ in: "params", path: "/code" });
    // A lone half of a surrogate pair; a whole pair (an emoji) is fine.
    const half = await t
      .as(auth)
      .post("/api/v1/auth/tokens", '{"name":"token \\ud800"}', { "content-type": "application/json" });
    expectError(half, 400, "INVALID_INPUT");
    expect(half.json().error.details).toEqual({ in: "body", path: "/name" });
    const pair = await t
      .as(auth)
      .post("/api/v1/auth/tokens", '{"name":"token \\ud83d\\ude00"}', { "content-type": "application/json" });
    expect(pair.statusCode).toBe(201);
    const form = new FormData();
    form.append("kind", "resi\u0000dents");
    form.append("file", new Blob(["姓名,身份证号\n"], { type: "text/csv" }), "a.csv");
    const field = await t.as(auth).post("/api/v1/imports", form);
    expectError(field, 400, "INVALID_INPUT");
    expect(field.json().error.details).toEqual({ in: "form", path: "/field kind/0" });
  });

  it("URLs the router cannot take → the contract's shape, not Fastify's", async () => {
    const bad = await t.as(undefined).get("/api/v1/cases/%FF", { "accept-language": "en" });
    expectError(bad, 400, "MALFORMED_URL");
    expect(bad.json().error).toEqual({
      code: "MALFORMED_URL",
      message: "The URL contains characters that cannot be decoded",
      details: null,
    });
    expectError(await t.as(undefined).get(`/api/v1/cases/${"9".repeat(201)}`), 414, "PARAM_TOO_LONG");
  });

  it("a form with too many parts → 413 TOO_MANY_PARTS", async () => {
    const form = new FormData();
    for (let i = 0; i < 13; i++) form.append(`f${i}`, "x");
    form.append("file", new Blob(["x"]), "x.png");
    const res = await t.as(auth).post("/api/v1/files", form);
    expectError(res, 413, "TOO_MANY_PARTS");
  });

  it("a malformed id in the path → 400, a well-formed unknown id → 404", async () => {
    expectError(await t.as(auth).get("/api/v1/territory/nodes/123"), 400, "VALIDATION_FAILED");
    expectError(
      await t.as(auth).get("/api/v1/territory/nodes/00000000-0000-4000-8000-000000000000"),
      404,
      "NOT_FOUND",
    );
  });

  it("out-of-range paging → 400", async () => {
    expectError(await t.as(auth).get("/api/v1/audit?pageSize=500"), 400, "VALIDATION_FAILED");
    expectError(await t.as(auth).get("/api/v1/audit?page=-1"), 400, "VALIDATION_FAILED");
  });

  it("/healthz answers ok and /openapi.json is OpenAPI 3", async () => {
    expect((await t.as(undefined).get("/healthz")).json()).toEqual({ status: "ok" });
    const doc = (await t.as(undefined).get("/openapi.json")).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).every((p) => p.startsWith("/api/v1/"))).toBe(true);
  });
});
