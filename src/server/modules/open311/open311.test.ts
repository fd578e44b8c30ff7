import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCase } from "../../testing/factories.ts";
import {
  loginAs,
  ownGridCentre,
  PHONES,
  type Session,
  startTestApp,
  type TestApp,
  tokenFor,
} from "../../testing/harness.ts";

const BASE = "/open311/v2";
const CODE = /^XG-\d{8}-\d{4}$/;
// Values stay text, as an Open311 client reads them; one child element is still a list.
const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ["service", "request", "error", "attribute", "value"].includes(name),
});

let t: TestApp;
let token: string;
let gridWorker: Session;
let point: { lat: number; long: number };
beforeAll(async () => {
  t = await startTestApp();
  token = await tokenFor(t.app, PHONES.resident);
  gridWorker = await loginAs(t.app, PHONES.gridWorker);
  const { lat, lng } = await ownGridCentre(t.app, gridWorker);
  point = { lat, long: lng };
});
afterAll(() => t.close());

/** An Open311 read, by a client with no session (an api_key goes in the query or the form). */
const read = (path: string, headers: Record<string, string> = {}) =>
  t.as(undefined).get(`${BASE}/${path}`, headers);
/** A service request filed as the specification's clients send it: a form, with these fields changed. */
function file(changes: Record<string, string | number | undefined>, format = "json") {
  const form = {
    api_key: token,
    service_code: "sanitation",
    description: "小区东门垃圾桶满溢",
    ...point,
    ...changes,
  };
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) if (v !== undefined) body.append(k, String(v));
  return t.as(undefined).post(`${BASE}/requests.${format}`, body.toString(), {
    "content-type": "application/x-www-form-urlencoded; charset=utf-8",
  });
}

/** The specification's error list, in JSON. */
function expectErrors(
  res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
) {
  expect(res.statusCode).toBe(status);
  expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
  const errors = res.json() as Array<{ code: number; description: string }>;
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) expect(e).toEqual({ code: status, description: expect.any(String) });
  return errors;
}

describe("services", () => {
  it("lists the case categories as services, in JSON and in XML", async () => {
    const res = await read("services.json");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    const services = res.json();
    expect(services).toContainEqual({
      service_code: "sanitation",
      service_name: "环境卫生",
      description: expect.any(String),
      metadata: false,
      type: "realtime",
      keywords: expect.stringContaining("Sanitation"),
      group: expect.any(String),
    });
    expect(services.find((s: { service_code: string }) => s.service_code === "facilities").metadata).toBe(
      true,
    );

    const x = await read("services.xml", { "accept-language": "en" });
    expect(x.headers["content-type"]).toBe("text/xml; charset=utf-8");
    expect(x.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const parsed = xml.parse(x.body).services.service;
    expect(parsed).toHaveLength(services.length);
    expect(parsed[0]).toMatchObject({ service_code: services[0].service_code, type: "realtime" });
    expect(parsed.find((s: { service_code: string }) => s.service_code === "sanitation").service_name).toBe(
      "Sanitation",
    );
  });

  it("defines a service's attributes from the category's questions", async () => {
    const res = await read("services/facilities.json");
    expect(res.statusCode).toBe(200);
    const definition = res.json();
    expect(definition.service_code).toBe("facilities");
    expect(definition.attributes).toEqual([
      {
        variable: true,
        code: "facility",
        datatype: "singlevaluelist",
        required: true,
        datatype_description: null,
        order: 1,
        description: "设施类型",
        values: expect.arrayContaining([{ key: "streetlight", name: "路灯" }]),
      },
    ]);
    const x = xml.parse((await read("services/facilities.xml")).body).service_definition;
    expect(x.service_code).toBe("facilities");
    expect(x.attributes.attribute[0]).toMatchObject({ code: "facility", required: "true", order: "1" });
    expect(x.attributes.attribute[0].values.value).toContainEqual({ key: "streetlight", name: "路灯" });
    expect((await read("services/sanitation.json")).json()).toEqual({
      service_code: "sanitation",
      attributes: [],
    });
  });

  it("answers an unknown service, format or resource with the specification's errors", async () => {
    expectErrors(await read("services/nosuch.json"), 404);
    const x = await read("services/nosuch.xml");
    expect(x.statusCode).toBe(404);
    expect(x.headers["content-type"]).toBe("text/xml; charset=utf-8");
    expect(xml.parse(x.body).errors.error[0]).toMatchObject({ code: "404", description: expect.any(String) });
    expectErrors(await read("services.yaml"), 404);
    expectErrors(await read("nothing-here.json"), 404);
    expectErrors(await read("services"), 404);
    // The platform's own checks (here the bearer-header guard) answer in this format too.
    expectErrors(await read("services.json", { authorization: "Basic abc" }), 403);
  });

  it("stays out of /openapi.json", async () => {
    const paths = Object.keys((await t.as(undefined).get("/openapi.json")).json().paths);
    expect(paths.some((p) => p.includes("open311"))).toBe(false);
  });
});

describe("a client files a request and follows it", () => {
  it("lists services, files with a token, reads the request back, and the grid worker sees the case", async () => {
    const services = (await read("services.json")).json();
    expect(services.map((s: { service_code: string }) => s.service_code)).toContain("sanitation");

    const res = await file({
      first_name: "三",
      last_name: "张",
      phone: "13900001111",
      email: "z@example.com",
    });
    expect(res.statusCode).toBe(201);
    const [created] = res.json();
    expect(created).toEqual({
      service_request_id: expect.stringMatching(CODE),
      service_notice: expect.any(String),
      account_id: null,
    });
    const id = created.service_request_id as string;

    const back = await read(`requests/${id}.json`);
    expect(back.statusCode).toBe(200);
    const [request] = back.json();
    expect(request).toMatchObject({
      service_request_id: id,
      status: "open",
      service_code: "sanitation",
      service_name: "环境卫生",
      description: "小区东门垃圾桶满溢",
      lat: point.lat,
      long: point.long,
      requested_datetime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      expected_datetime: expect.any(String),
    });
    // Nothing personal in the public view.
    expect(JSON.stringify(request)).not.toMatch(/张|13900001111|example\.com/);

    const x = xml.parse((await read(`requests/${id}.xml`)).body).service_requests.request;
    expect(x).toHaveLength(1);
    expect(x[0]).toMatchObject({ service_request_id: id, status: "open", service_code: "sanitation" });

    const staff = await t.as(gridWorker).get(`/api/v1/cases/${id}`);
    expect(staff.statusCode).toBe(200);
    expect(staff.json()).toMatchObject({
      code: id,
      channel: "open311",
      status: "new",
      gridCode: "XG-LJ-001",
      reporterName: "张*",
      extra: { email: "z@example.com" },
    });
  });

  it("answers in XML when filed to requests.xml, and keeps the attributes", async () => {
    const res = await file(
      {
        service_code: "facilities",
        "attribute[facility]": "streetlight",
        media_url: "https://example.com/a.jpg",
      },
      "xml",
    );
    expect(res.statusCode).toBe(201);
    expect(res.headers["content-type"]).toBe("text/xml; charset=utf-8");
    const [created] = xml.parse(res.body).service_requests.request;
    expect(created.service_request_id).toMatch(CODE);
    const [request] = (await read(`requests/${created.service_request_id}.json`)).json();
    expect(request).toMatchObject({ service_code: "facilities", media_url: "https://example.com/a.jpg" });
  });
});

describe("bad requests", () => {
  it("refuses a missing or wrong api_key with 403", async () => {
    const before = (await read("requests.json")).json().length;
    expectErrors(await file({ api_key: undefined }), 403);
    expectErrors(await file({ api_key: "not-a-token" }), 403);
    const x = await file({ api_key: undefined }, "xml");
    expect(x.statusCode).toBe(403);
    expect(xml.parse(x.body).errors.error[0].code).toBe("403");
    expect((await read("requests.json")).json().length).toBe(before);
  });

  it("refuses an api_key made without the open311 scope with 403, saying which scope", async () => {
    const readWrite = await tokenFor(t.app, PHONES.resident, ["read", "write"]);
    const [error] = expectErrors(await file({ api_key: readWrite }), 403);
    expect(error?.description).toContain("Open311 报件");
    const onlyOpen311 = await tokenFor(t.app, PHONES.resident, ["open311"]);
    const filed = await file({ api_key: onlyOpen311 });
    expect(filed.statusCode).toBe(201);
    expect((await read(`requests/${filed.json()[0].service_request_id}.json`)).statusCode).toBe(200);
  });

  it("refuses unknown services, missing locations and attributes with the specification's statuses", async () => {
    expectErrors(await file({ service_code: "nosuch" }), 404);
    expectErrors(await file({ service_code: undefined }), 400);
    expectErrors(await file({ lat: undefined, long: undefined }), 400);
    expectErrors(await file({ lat: undefined }), 400);
    expectErrors(await file({ lat: "north", long: 116 }), 400);
    const [address] = expectErrors(
      await file({ lat: undefined, long: undefined, address_string: "幸福路1号" }),
      400,
    );
    expect(address?.description).toMatch(/lat/);
    expectErrors(await file({ lat: 39.9, long: 116.4 }), 400);
    expectErrors(await file({ description: undefined }), 400);
    expectErrors(await file({ service_code: "facilities" }), 400);
    expectErrors(await file({ service_code: "facilities", "attribute[facility]": "rocket" }), 400);
    expectErrors(await file({ "attribute[nosuch]": "x" }), 400);
    expectErrors(await file({ media_url: "javascript:alert(1)" }), 400);
    const json = await t
      .as(undefined)
      .post(`${BASE}/requests.json`, "hello", { "content-type": "text/plain" });
    expect(json.statusCode).toBeGreaterThanOrEqual(400);
    expect(json.statusCode).toBeLessThan(500);
    expect(Array.isArray(json.json())).toBe(true);
  });
});

describe("GET requests", () => {
  it("filters by ids and by status, newest first, without personal data", async () => {
    const a = (await file({ description: "路灯不亮" })).json()[0].service_request_id;
    const b = (await file({ description: "井盖松动" })).json()[0].service_request_id;
    const both = (await read(`requests.json?service_request_id=${a},${b.toLowerCase()}`)).json();
    expect(both.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual(
      [a, b].sort(),
    );

    const open = (await read("requests.json?status=open")).json();
    expect(open.every((r: { status: string }) => r.status === "open")).toBe(true);
    expect(open.map((r: { service_request_id: string }) => r.service_request_id)).toContain(a);
    const closed = (await read("requests.json?status=closed&service_code=sanitation,dispute")).json();
    expect(closed.every((r: { status: string }) => r.status === "closed")).toBe(true);
    expect(closed.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(a);

    const all = (await read("requests.json")).json();
    expect(all.length).toBeLessThanOrEqual(1000);
    const dates = all.map((r: { requested_datetime: string }) => r.requested_datetime);
    expect(dates).toEqual([...dates].sort().reverse());
    // A case filed another way (here the resident's app) is listed without its text or coordinates.
    const resident = await loginAs(t.app, PHONES.resident);
    const app = await createCase(t.as(resident), {
      categoryCode: "dispute",
      description: "楼上张三家深夜噪音",
      location: { lat: point.lat, lng: point.long },
    });
    const [other] = (await read(`requests.json?service_request_id=${app.code}`)).json();
    expect(other).toMatchObject({
      status: "open",
      description: null,
      lat: null,
      long: null,
      media_url: null,
    });
    expect(other.address).toEqual(expect.any(String));
    expect(JSON.stringify(other)).not.toMatch(/张三|噪音/);
    for (const r of all) expect(Object.keys(r)).not.toContain("reporter_name");

    const x = xml.parse((await read(`requests.xml?service_request_id=${a}`)).body).service_requests.request;
    expect(x.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([a]);
  });

  it("takes a date window of at most 90 days and refuses bad arguments", async () => {
    const recent = await read(`requests.json?start_date=${new Date(Date.now() - 86_400_000).toISOString()}`);
    expect(recent.statusCode).toBe(200);
    const old = (
      await read("requests.json?start_date=2001-01-01T00:00:00Z&end_date=2001-02-01T00:00:00Z")
    ).json();
    expect(old).toEqual([]);
    expectErrors(
      await read("requests.json?start_date=2001-01-01T00:00:00Z&end_date=2002-01-01T00:00:00Z"),
      400,
    );
    expectErrors(await read("requests.json?start_date=yesterday"), 400);
    expectErrors(await read("requests.json?status=pending"), 400);
    expectErrors(await read("requests/XG-00000000-0000.json"), 404);
    const x = await read("requests/XG-00000000-0000.xml");
    expect(xml.parse(x.body).errors.error[0].code).toBe("404");
  });
});
