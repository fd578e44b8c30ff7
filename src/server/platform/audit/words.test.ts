import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "../../../shared/audit-actions.ts";
import { CASE_ACTIONS } from "../../../shared/flows/cases.ts";
import { en } from "../../../shared/locales/en.ts";
import { zhCN } from "../../../shared/locales/zh-CN.ts";
import { MODULES } from "../../modules/index.ts";
import { ORDER_ACTIONS } from "../../modules/orders/flow.ts";
import { WISH_ACTIONS } from "../../modules/wishes/flow.ts";
import { importersOf } from "../module/index.ts";

// The audit page shows actions and entities in words: every code the server writes must have them.

const SERVER = join(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sources(path);
    return d.name.endsWith(".ts") && !d.name.endsWith(".test.ts") ? [path] : [];
  });
}

/**
 * What one `{ action: …, entity: … }` entry of the sources writes: the dotted string literals
 * between `action:` and the `entity:` that follows it as the next property (plain codes and both
 * arms of a ternary), and its template literals (`cases.${input.action}`), by their fixed prefix.
 */
function scan() {
  const codes = new Map<string, string>();
  const templates = new Map<string, string>();
  const entities = new Map<string, string>();
  for (const file of sources(SERVER)) {
    const text = readFileSync(file, "utf8");
    const where = relative(SERVER, file);
    for (const m of text.matchAll(/\baction:/g)) {
      const rest = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + 300);
      const end = rest.indexOf("entity:");
      if (end < 0 || /\b[A-Za-z_]+:\s/.test(rest.slice(0, end))) continue;
      const value = rest.slice(0, end);
      for (const [, code] of value.matchAll(/"([A-Za-z_]+(?:\.[A-Za-z_]+)+)"/g))
        codes.set(code as string, where);
      for (const [, prefix] of value.matchAll(/`([A-Za-z_.]*)\$\{/g)) templates.set(prefix as string, where);
      const entity = /^\s*"([A-Za-z_]+)"/.exec(rest.slice(end + "entity:".length));
      if (entity) entities.set(entity[1] as string, where);
    }
  }
  return { codes, templates, entities };
}

/** What each template writes: its prefix followed by each of these. A new template needs a row here. */
const EXPANSIONS: Record<string, readonly string[]> = {
  "cases.": CASE_ACTIONS,
  "cases.whistle.": ["accept", "report", "rate"],
  "orders.": ORDER_ACTIONS,
  "wishes.": WISH_ACTIONS,
  "imports.": importersOf(MODULES).map((i) => i.kind),
};

const key = (code: string) => code.replaceAll(".", "_");
const worded = (table: Record<string, string>, k: string) => Object.hasOwn(table, k) && table[k] !== "";

describe("the audit log in words", () => {
  const { codes, templates, entities } = scan();

  it("finds the audited actions in the sources (the scan itself works)", () => {
    expect(codes.get("cases.reporter.reveal")).toBe("modules/cases/service.ts");
    expect(codes.has("orders.requester.reveal")).toBe(true);
    expect([...templates.keys()]).toEqual(expect.arrayContaining(["cases.", "orders.", "imports."]));
    expect(entities.has("case")).toBe(true);
  });

  it("knows what every template of an action code writes", () => {
    const unknown = [...templates].filter(([prefix]) => !Object.hasOwn(EXPANSIONS, prefix));
    expect(unknown, "add the template's codes to EXPANSIONS").toEqual([]);
  });

  it("has every action code in the catalogue, with words in both languages", () => {
    const all = new Map(codes);
    for (const [prefix, where] of templates)
      for (const rest of EXPANSIONS[prefix] ?? []) all.set(`${prefix}${rest}`, where);
    const catalogue = new Set<string>(AUDIT_ACTIONS);
    const outside = [...all].filter(([code]) => !catalogue.has(code)).map(([c, w]) => `${c} (${w})`);
    expect(outside, "add it to src/shared/audit-actions.ts").toEqual([]);
    const wordless = AUDIT_ACTIONS.filter(
      (code) => !worded(zhCN.audit.actions, key(code)) || !worded(en.audit.actions, key(code)),
    );
    expect(wordless, "give it words in src/shared/locales/audit.zh-CN.ts and audit.en.ts").toEqual([]);
  });

  it("names every entity type in both languages", () => {
    const wordless = [...entities.keys()].filter(
      (e) => !worded(zhCN.audit.entities, e) || !worded(en.audit.entities, e),
    );
    expect(wordless).toEqual([]);
    expect(zhCN.audit.actions.orders_grab).toBe("抢单");
    expect(zhCN.audit.entities.case).toBe("诉求");
  });
});
