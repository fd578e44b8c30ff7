import { pinyinSortKey } from "../../../platform/i18n/pinyin.ts";

/** The pinyin words of a skill, without the sort key's tail: "电工" → ["dian", "gong"]. */
const pinyinWords = (text: string) => (pinyinSortKey(text).split(" !")[0] ?? "").split(" ").filter(Boolean);

/**
 * What a skill search matches: the skills as written, their pinyin run together and their
 * initials ("电工 diangong dg"), so a worker typing "dg" on a phone keyboard finds the electricians.
 */
export function searchTextOf(skills: string[]): string {
  return skills
    .flatMap((skill) => {
      const words = pinyinWords(skill);
      return [skill.toLowerCase(), words.join(""), words.map((w) => w[0]).join("")];
    })
    .join(" ");
}

/** Skills as given: trimmed, without blanks or repeats. */
export const cleanSkills = (skills: string[]) => [...new Set(skills.map((s) => s.trim()).filter(Boolean))];
