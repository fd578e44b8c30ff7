import { describe, expect, it } from "vitest";
import { pinyinSortKey } from "./pinyin.ts";

const byKey = (names: string[]) =>
  names
    .map((name) => ({ name, key: pinyinSortKey(name) }))
    // Byte order, as collation C compares: keys are ASCII, so code-unit order is byte order.
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.name);

describe("pinyinSortKey", () => {
  it("sorts names by pinyin, reading surnames as surnames", () => {
    // a li < li si < shan tian fang < wang wu < zeng xiao ming < zhang san < zhao liu
    expect(byKey(["赵六", "张三", "李四", "王五", "曾小明", "单田芳", "阿里"])).toEqual([
      "阿里",
      "李四",
      "单田芳",
      "王五",
      "曾小明",
      "张三",
      "赵六",
    ]);
  });

  it("uses surname readings of polyphonic characters", () => {
    const words = (name: string) => pinyinSortKey(name).split(" !")[0];
    expect(words("曾小明")).toBe("zeng xiao ming");
    expect(words("单田芳")).toBe("shan tian fang");
    expect(words("解晓东")).toBe("xie xiao dong");
    expect(words("仇英")).toBe("qiu ying");
    expect(words("区志")).toBe("ou zhi");
    expect(words("朴树")).toBe("piao shu");
  });

  it("keeps other characters lowercased and pads numbers", () => {
    expect(pinyinSortKey("Tom 张").split(" !")[0]).toBe("tom zhang");
    expect(byKey(["第10网格", "第2网格", "第1网格"])).toEqual(["第1网格", "第2网格", "第10网格"]);
  });

  it("puts a name before its longer extensions and breaks ties deterministically", () => {
    expect(byKey(["张三丰", "张三", "张三a"])).toEqual(["张三", "张三a", "张三丰"]);
    const tie = byKey(["章三", "张三"]);
    expect(byKey(["张三", "章三"])).toEqual(tie);
    expect(pinyinSortKey("张三")).not.toBe(pinyinSortKey("章三"));
  });

  it("produces pure ASCII keys", () => {
    for (const name of ["吕布", "Zoë Müller", "ＡＢＣ小区", "𠀋", "·—「」"]) {
      expect(pinyinSortKey(name)).toMatch(/^[\x20-\x7e]*$/);
    }
  });
});
