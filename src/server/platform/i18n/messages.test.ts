import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { errorMessage, hasMessage, placeholdersOf } from "./messages.ts";

const SERVER = resolve(import.meta.dirname, "../..");

/** Every .ts file of the server but the tests. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Where each maker of an AppError takes its details. */
const DETAILS_AT: Record<string, number> = { AppError: 2, badRequest: 1, conflict: 1, unprocessable: 1 };

interface ThrowSite {
  where: string;
  /** The codes it may throw; none when the code is a variable. */
  codes: string[];
  /** The keys of its details object literal; null when the details are not one. */
  keys: Set<string> | null;
}

/** The string literals an expression can be (`a ? "X" : "Y"` is both), or none for anything else. */
function literals(e: ts.Expression | undefined): string[] {
  if (!e) return [];
  if (ts.isStringLiteral(e)) return [e.text];
  if (ts.isParenthesizedExpression(e)) return literals(e.expression);
  if (ts.isConditionalExpression(e)) {
    const [a, b] = [literals(e.whenTrue), literals(e.whenFalse)];
    return a.length > 0 && b.length > 0 ? [...a, ...b] : [];
  }
  return [];
}

/** The keys an object literal surely has; null when it is not one or spreads something in. */
function keysOf(e: ts.Expression | undefined): Set<string> | null {
  if (!e) return new Set();
  if (!ts.isObjectLiteralExpression(e)) return null;
  const keys = new Set<string>();
  for (const p of e.properties) {
    if (
      (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) &&
      !ts.isComputedPropertyName(p.name)
    )
      keys.add(p.name.getText());
    else return null;
  }
  return keys;
}

/** Every `new AppError(…)`, `badRequest(…)`, `conflict(…)` and `unprocessable(…)` of the server. */
function throwSites(): ThrowSite[] {
  const sites: ThrowSite[] = [];
  for (const file of sources(SERVER)) {
    if (file.endsWith(join("platform", "errors.ts"))) continue;
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      const made = ts.isNewExpression(node) || ts.isCallExpression(node);
      if (made && ts.isIdentifier(node.expression) && node.expression.text in DETAILS_AT) {
        const name = node.expression.text;
        if (ts.isNewExpression(node) === (name === "AppError")) {
          const args = node.arguments ?? ts.factory.createNodeArray();
          const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          sites.push({
            where: `${relative(SERVER, file)}:${line}`,
            codes: literals(args[0]),
            keys: keysOf(args[DETAILS_AT[name] as number]),
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sites;
}

/** The codes the error handler maps framework errors to: each must reach people in both languages. */
function mappedCodes(): string[] {
  const text = readFileSync(join(SERVER, "platform/http/error-handler.ts"), "utf8");
  return [...text.matchAll(/\bcode: "([A-Z][A-Z0-9_]+)"/g)].map((m) => m[1] as string);
}

const SITES = throwSites();

describe("the message catalogue", () => {
  it("has a zh-CN and an English text for every code the server throws", () => {
    // The scan must find what it looks for, or it proves nothing.
    expect(SITES.length).toBeGreaterThan(150);
    const codes = new Set([...SITES.flatMap((s) => s.codes), ...mappedCodes()]);
    expect(codes.size).toBeGreaterThan(100);
    expect(codes.has("TOO_MANY_ROWS")).toBe(true);
    expect([...codes].filter((code) => !hasMessage(code))).toEqual([]);
  });

  it("finds every placeholder of a code's text in the details at each site that throws it", () => {
    const unfilled = SITES.flatMap(({ where, codes, keys }) =>
      codes.flatMap((code) =>
        placeholdersOf(code)
          .map((path) => path.split(".")[0] as string)
          .filter((key) => keys !== null && !keys.has(key))
          .map((key) => `${where} ${code} lacks {${key}}`),
      ),
    );
    expect(unfilled).toEqual([]);
  });

  it("leaves few sites whose code or details it cannot read, and knows which", () => {
    const unread = SITES.filter(
      ({ codes, keys }) =>
        codes.length === 0 || (keys === null && codes.some((c) => placeholdersOf(c).length > 0)),
    ).map((s) => s.where);
    // A code chosen from a typed table (volunteering's refusals, an image rule's): none has a placeholder.
    expect(unread).toEqual([
      expect.stringMatching(/^modules\/volunteering\/flow\.ts:/),
      expect.stringMatching(/^platform\/files\/images\.ts:/),
    ]);
  });

  it("names the same placeholders in both languages", () => {
    const codes = new Set(SITES.flatMap((s) => s.codes));
    const differ = [...codes].filter((code) => {
      const zh = placeholdersOf(code).sort();
      const en = [...errorMessage(code, "en").matchAll(/\{([\w.]+)\}/g)].map((m) => m[1]).sort();
      return JSON.stringify(zh) !== JSON.stringify(en);
    });
    expect(differ).toEqual([]);
  });

  it("fills a text from the error's details, in the reader's language", () => {
    expect(errorMessage("TOO_MANY_ROWS", "zh-CN", { max: 50000 })).toBe("一次最多导入 50000 行，请拆分文件");
    expect(errorMessage("MISSING_COLUMNS", "en", { missing: ["姓名", "身份证号"] })).toBe(
      "Required columns are missing: 姓名, 身份证号",
    );
    const label = { "zh-CN": "居民", en: "residents" };
    expect(errorMessage("WRONG_FILE_KIND", "en", { label })).toBe(
      "This file cannot be used to import residents",
    );
    expect(errorMessage("INVALID_GEOMETRY", "zh-CN", { problems: [{ message: "环未闭合" }] })).toBe(
      "图形不合格：环未闭合",
    );
    const labels = { "zh-CN": ["办理说明", "满意度"], en: ["Note", "Satisfaction"] };
    expect(errorMessage("MISSING_FIELDS", "zh-CN", { labels })).toBe("请填写办理说明、满意度");
    expect(errorMessage("MISSING_FIELDS", "en", { labels })).toBe("Fill in: Note, Satisfaction");
  });

  it("shows a missing value as its placeholder, and an unknown code as itself, rather than saying less", () => {
    expect(errorMessage("TOO_MANY_ROWS", "zh-CN", {})).toBe("一次最多导入 {max} 行，请拆分文件");
    expect(errorMessage("NO_SUCH_CODE", "en")).toBe("NO_SUCH_CODE");
  });
});
