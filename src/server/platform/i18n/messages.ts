import { ACCOUNTS_TEXTS } from "./texts/accounts.ts";
import { CASE_WORK_TEXTS } from "./texts/case-work.ts";
import { CASES_TEXTS } from "./texts/cases.ts";
import { CATALOG_TEXTS } from "./texts/catalog.ts";
import { COMMON_TEXTS } from "./texts/common.ts";
import { ENGAGEMENT_MOBILISATION_TEXTS } from "./texts/engagement-mobilisation.ts";
import { ENGAGEMENT_RECORDS_TEXTS } from "./texts/engagement-records.ts";
import { ENGAGEMENT_UNITS_TEXTS } from "./texts/engagement-units.ts";
import { ENGAGEMENT_VISITS_TEXTS } from "./texts/engagement-visits.ts";
import { ENGAGEMENT_WALLS_TEXTS } from "./texts/engagement-walls.ts";
import { ORDERS_TEXTS } from "./texts/orders.ts";
import { ORG_TEXTS } from "./texts/org.ts";
import { POINTS_EVALUATION_TEXTS } from "./texts/points-evaluation.ts";
import { POINTS_LEDGER_TEXTS } from "./texts/points-ledger.ts";
import { POINTS_RANKINGS_TEXTS } from "./texts/points-rankings.ts";
import { POINTS_RULES_TEXTS } from "./texts/points-rules.ts";
import { POINTS_SHOP_TEXTS } from "./texts/points-shop.ts";

/**
 * Error messages people read, by error code: zh-CN first, English second, and nowhere else: code
 * throws a code and details. `{name}` or `{a.0.b}` is filled from the error's details, which must
 * hold it at every throw site (messages.test.ts). The texts are kept by area in texts/, one file
 * per area, so that a new module adds its own file rather than growing one list.
 */
const MESSAGES = {
  ...COMMON_TEXTS,
  ...ACCOUNTS_TEXTS,
  ...CASES_TEXTS,
  ...CASE_WORK_TEXTS,
  ...ORDERS_TEXTS,
  ...ORG_TEXTS,
  ...CATALOG_TEXTS,
  ...ENGAGEMENT_UNITS_TEXTS,
  ...ENGAGEMENT_RECORDS_TEXTS,
  ...ENGAGEMENT_VISITS_TEXTS,
  ...ENGAGEMENT_WALLS_TEXTS,
  ...ENGAGEMENT_MOBILISATION_TEXTS,
  ...POINTS_EVALUATION_TEXTS,
  ...POINTS_RANKINGS_TEXTS,
  ...POINTS_SHOP_TEXTS,
  ...POINTS_LEDGER_TEXTS,
  ...POINTS_RULES_TEXTS,
};

/** A code the catalogue words: the only codes AppError takes, so tsc refuses a code without texts. */
export type MessageCode = keyof typeof MESSAGES;

export type Locale = "zh-CN" | "en";

/** zh-CN unless the client prefers English. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  const first = acceptLanguage?.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh-CN";
}

const textOf = (code: string, locale: Locale): string | undefined =>
  (MESSAGES as Record<string, Record<Locale, string> | undefined>)[code]?.[locale];

/** Whether the catalogue has both texts of a code. */
export const hasMessage = (code: string): boolean => Boolean(textOf(code, "zh-CN") && textOf(code, "en"));

/** The `{placeholder}`s of a code's text, the same in both languages: what its details must hold. */
export const placeholdersOf = (code: string): string[] =>
  [...(textOf(code, "zh-CN") ?? "").matchAll(/\{([\w.]+)\}/g)].map((m) => m[1] as string);

/** The value at `path` in details; one given per language (`{"zh-CN","en"}`) in this language. */
function detail(details: unknown, path: string, locale: Locale): string | undefined {
  let v: unknown = details;
  for (const key of path.split("."))
    v = v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined;
  if (v && typeof v === "object" && !Array.isArray(v) && locale in v)
    v = (v as Record<string, unknown>)[locale];
  if (Array.isArray(v)) return v.join(locale === "zh-CN" ? "、" : ", ");
  return v === undefined || v === null || typeof v === "object" ? undefined : String(v);
}

/**
 * The catalogue's text filled from details; the code itself for a code it lacks. A value missing
 * from details leaves its `{placeholder}` showing rather than a sentence that silently says less:
 * messages.test.ts checks every throw site's details, so it cannot happen there.
 */
export function errorMessage(code: string, locale: Locale, details?: unknown): string {
  const text = textOf(code, locale);
  if (!text) return code;
  return text.replace(/\{([\w.]+)\}/g, (whole, path: string) => detail(details, path, locale) ?? whole);
}
