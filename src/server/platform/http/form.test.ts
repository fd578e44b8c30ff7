import { Type } from "@sinclair/typebox";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installErrorHandling } from "./error-handler.ts";
import { installFormParser, installJsonParser, installValidation, parseForm } from "./validation.ts";

describe("parseForm", () => {
  it("turns repeated keys into arrays and keeps bracketed keys literal", () => {
    const body = parseForm(
      "service_code=001&lat=31.2&media=a.jpg&media=b.jpg&media=c.jpg&attribute%5Bweight%5D=heavy&attribute[colour]=red&description=%E8%B7%AF%E7%81%AF+%E5%9D%8F%E4%BA%86",
    );
    expect(body).toEqual({
      service_code: "001",
      lat: "31.2",
      media: ["a.jpg", "b.jpg", "c.jpg"],
      "attribute[weight]": "heavy",
      "attribute[colour]": "red",
      description: "路灯 坏了",
    });
    expect(parseForm("")).toEqual({});
  });

  it("treats names of Object.prototype as ordinary fields and refuses prototype keys and NUL", () => {
    expect(parseForm("toString=a&toString=b&valueOf=c")).toEqual({ toString: ["a", "b"], valueOf: "c" });
    expect(() => parseForm("__proto__[admin]=1&__proto__=x")).toThrow(/不允许使用字段名“__proto__/);
    expect(() => parseForm("constructor=x")).toThrow(/不允许使用字段名“constructor”/);
    expect(() => parseForm("name=a%00b")).toThrow(/空字符/);
  });
});

describe("installFormParser", () => {
  const app = Fastify();
  beforeAll(async () => {
    installValidation(app);
    installJsonParser(app);
    installErrorHandling(app);
    await app.register(async (scope) => {
      installFormParser(scope);
      scope.post(
        "/form",
        {
          schema: {
            body: {
              content: {
                "application/x-www-form-urlencoded": {
                  schema: Type.Object(
                    { lat: Type.Number({ maximum: 90 }), media: Type.Optional(Type.Array(Type.String())) },
                    { additionalProperties: true },
                  ),
                },
              },
            },
          },
        },
        (req) => req.body,
      );
    });
    app.post("/json-only", (req) => req.body);
    await app.ready();
  });
  afterAll(() => app.close());

  const postForm = (url: string, payload: string) =>
    app.inject({
      method: "POST",
      url,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload,
    });

  it("parses forms in the scope that asked for them, coercing the text to the schema", async () => {
    const res = await postForm("/form", "lat=31.25&media=one.jpg&attribute[code]=x");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ lat: 31.25, media: ["one.jpg"], "attribute[code]": "x" });
    const bad = await postForm("/form", "lat=north");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("VALIDATION_FAILED");
    const poisoned = await postForm("/form", "lat=1&__proto__=x");
    expect(poisoned.statusCode).toBe(400);
    expect(poisoned.json().error.code).toBe("MALFORMED_FORM");
  });

  it("is not installed anywhere else: JSON stays the only body type there", async () => {
    const res = await postForm("/json-only", "a=1");
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });
});
