import { LRUCache } from "lru-cache";
import { pinyin } from "pinyin-pro";

/** Digit runs are zero-padded to this width so that "2号楼" sorts before "10号楼". */
const NUMBER_WIDTH = 10;

/**
 * The stored key Chinese names are sorted by, identical in byte order on every collation (PGlite's C,
 * PostgreSQL's C.UTF-8): pure ASCII, toneless lowercase pinyin (surnames read as surnames: 单 shan,
 * 曾 zeng), other letters and digits kept, words separated by single spaces.
 *
 * Key layout: `<words> !<hex of the name's UTF-8 bytes>`. " !" sorts below " " + any letter or digit, so
 * "zhang san" still precedes "zhang san feng"; the hex makes names with equal pinyin (张三 / 章三) sort in
 * the byte order of the names themselves, so the order is total and deterministic.
 */
export function pinyinSortKey(name: string): string {
  let key = known.get(name);
  if (key === undefined) {
    key = sortKeyOf(name);
    known.set(name, key);
  }
  return key;
}

// Imports and demo data name the same buildings, entrances and rooms (3栋, 1单元, 502室) over and
// over, and pinyin-pro takes tens of microseconds a name.
const known = new LRUCache<string, string>({ max: 20_000 });

function sortKeyOf(name: string): string {
  const syllables = pinyin(name.normalize("NFKC"), {
    toneType: "none",
    surname: "head",
    type: "all",
    v: true,
  });
  const text = syllables
    .map((s) => (s.isZh ? ` ${s.result} ` : s.origin))
    .join("")
    .normalize("NFD")
    .replace(/\p{M}/gu, "") // é → e, ü → u
    .toLowerCase();
  const words = text
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "")
    .join(" ")
    .replace(/\d+/g, (digits) => digits.padStart(NUMBER_WIDTH, "0"));
  return `${words} !${Buffer.from(name, "utf8").toString("hex")}`;
}
