import { en } from "../../../shared/locales/en.ts";
import { zhCN } from "../../../shared/locales/zh-CN.ts";
import type { Locale } from "./messages.ts";

/**
 * The web pages' words (labels of codes, column titles), for what the server writes for people to
 * read, such as spreadsheet exports: one vocabulary, so a file says what the page says.
 */
export type Words = typeof en;
export const WORDS: Record<Locale, Words> = { "zh-CN": zhCN, en };

/** The word for a code the vocabulary may not know yet (the server may grow new ones): else the code. */
export function wordFor(table: Record<string, string>, code: string | null): string | null {
  if (code === null) return null;
  return Object.hasOwn(table, code) ? (table[code] as string) : code;
}

/** Words of the vocabulary in both languages, for an error's details: each fills its message's text. */
export const inWords = (...picks: Array<(w: Words) => string>) => ({
  "zh-CN": picks.map((pick) => pick(WORDS["zh-CN"])),
  en: picks.map((pick) => pick(WORDS.en)),
});
