/** Problems read Chinese first, English after: grid files are fixed by Chinese-speaking staff. */
export const say = (zh: string, en: string): string => `${zh} (${en})`;

/** 1-based, as people count; `polygon` only inside a MultiPolygon. */
export interface RingRef {
  polygon?: number;
  ring: number;
}

export function ringName({ polygon, ring }: RingRef): { zh: string; en: string } {
  const outer = ring === 1;
  return {
    zh: `${polygon ? `第 ${polygon} 个多边形的` : ""}第 ${ring} 个环（${outer ? "外环" : "内环/洞"}）`,
    en: `ring ${ring} (${outer ? "outer" : "hole"})${polygon ? ` of polygon ${polygon}` : ""}`,
  };
}

/** "[115.35, 26.33]": six decimals (about 0.1 m) are enough to find the spot in a GIS tool. */
export function pointText(p: readonly unknown[]): string {
  return `[${p.map((v) => (typeof v === "number" ? String(Number(v.toFixed(6))) : JSON.stringify(v))).join(", ")}]`;
}
