import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { errorMessage, hasMessage } from "./messages.ts";

const SERVER = resolve(import.meta.dirname, "../..");

/** Every .ts file of the server but the tests. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [path] : [];
  });
}

/**
 * The codes thrown with a literal first argument of AppError or its helpers, and the codes the
 * error handler maps framework errors to: each must reach people in both languages.
 */
function thrownCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  const thrown = /\b(?:new AppError|badRequest|conflict|unprocessable)\(\s*"([A-Z][A-Z0-9_]+)"/g;
  const mapped = /\bcode: "([A-Z][A-Z0-9_]+)"/g;
  for (const file of sources(SERVER)) {
    const text = readFileSync(file, "utf8");
    const where = relative(SERVER, file);
    for (const m of text.matchAll(thrown)) codes.set(m[1] as string, where);
    if (where.endsWith("error-handler.ts"))
      for (const m of text.matchAll(mapped)) codes.set(m[1] as string, where);
  }
  return codes;
}

describe("the message catalogue", () => {
  it("has a zh-CN and an English text for every code the server throws", () => {
    const codes = thrownCodes();
    // The scan must find what it looks for, or it proves nothing.
    expect(codes.size).toBeGreaterThan(80);
    expect(codes.has("TOO_MANY_ROWS")).toBe(true);
    const missing = [...codes]
      .filter(([code]) => !hasMessage(code))
      .map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it("fills a text from the error's details, in the reader's language", () => {
    expect(errorMessage("TOO_MANY_ROWS", "zh-CN", "x", { max: 50000 })).toBe(
      "一次最多导入 50000 行，请拆分文件",
    );
    expect(errorMessage("MISSING_COLUMNS", "en", "x", { missing: ["姓名", "身份证号"] })).toBe(
      "Required columns are missing: 姓名, 身份证号",
    );
    const label = { "zh-CN": "居民", en: "residents" };
    expect(errorMessage("WRONG_FILE_KIND", "en", "x", { label })).toBe(
      "This file cannot be used to import residents",
    );
    expect(errorMessage("INVALID_GEOMETRY", "zh-CN", "x", { problems: [{ message: "环未闭合" }] })).toBe(
      "图形不合格：环未闭合",
    );
  });

  it("keeps the thrown message when the details lack what the text names, or the code has no text", () => {
    expect(errorMessage("TOO_MANY_ROWS", "zh-CN", "thrown", {})).toBe("thrown");
    expect(errorMessage("NO_SUCH_CODE", "en", "thrown")).toBe("thrown");
  });
});
