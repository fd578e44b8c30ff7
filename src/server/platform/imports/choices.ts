import { headerKey } from "../xlsx/index.ts";

/** An enumeration as sheets write it: by its Chinese label, a short form, or its English code. */
export interface Choices<C extends string> {
  /** The labels, for the template's drop-down list. */
  list: readonly string[];
  parse(text: string): C | undefined;
  /** "无法识别的“居住类型”：xx，可填：户籍人口 / 常住人口 / 流动人口" */
  unknown(what: string, text: string): string;
}

/**
 * Matching ignores case, spaces, full-width forms and parenthesised hints, so "A岗（坐班）",
 * "a岗" and "A" all find A when "A" is given as a synonym.
 */
export function choices<C extends string>(
  labels: Record<C, string>,
  synonyms: Readonly<Record<string, C>> = {},
): Choices<C> {
  const byKey = new Map<string, C>();
  for (const [code, label] of Object.entries(labels) as Array<[C, string]>) {
    byKey.set(headerKey(code), code);
    byKey.set(headerKey(label), code);
  }
  for (const [word, code] of Object.entries(synonyms)) byKey.set(headerKey(word), code);
  const list = Object.values<string>(labels);
  return {
    list,
    parse: (text) => byKey.get(headerKey(text)),
    unknown: (what, text) => `无法识别的“${what}”：${text}，可填：${list.join(" / ")}`,
  };
}
